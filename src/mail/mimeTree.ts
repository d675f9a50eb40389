import { type ContentFields, contentFields } from "./mimeFields";

/**
 * One MIME entity as views into the message's bytes: nothing is copied, so a body is exactly
 * the bytes between its header block and the line break that belongs to the next delimiter.
 */
export interface MimePart {
  /** The header block, without the empty line that ends it. */
  header: Buffer;
  /** The body as sent (still transfer-encoded). */
  body: Buffer;
  fields: ContentFields;
  /** Parts of a multipart entity, in order; empty for a leaf. */
  children: MimePart[];
}

export interface MimeLimits {
  /** Multipart entities nested deeper than this are refused (a hostile message must not recurse). */
  maxNestingDepth: number;
  /** Header bytes of all entities together. */
  maxHeadersSize: number;
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const LINE_THEN_DASHES = Buffer.from("\n--");

/** A delimiter line: where it starts, where the next line starts, whose it is, and whether it closes. */
interface Delimiter {
  at: number;
  next: number;
  level: number;
  closing: boolean;
}

/**
 * Reads one message's MIME structure the way line-based parsers (postal-mime, mailsplit,
 * Python's email) do, so all of them see the same parts: a line is a delimiter when it is
 * "--" + the boundary of an open multipart (the innermost first, RFC 2046 §5.1.1), optionally
 * "--" (the last one), optionally spaces or tabs. A delimiter of an outer multipart also ends
 * every inner one. The line break before a delimiter belongs to the delimiter, not the part.
 */
class MimeReader {
  private readonly boundaries: Buffer[] = [];
  private headerBytes = 0;

  constructor(
    private readonly raw: Buffer,
    private readonly limits: MimeLimits,
  ) {}

  /** The delimiter of an open multipart on the line starting at `at`, if that line is one. */
  private delimiterAt(at: number): Delimiter | null {
    const raw = this.raw;
    if (raw[at] !== DASH || raw[at + 1] !== DASH) return null;
    for (let level = this.boundaries.length - 1; level >= 0; level--) {
      const boundary = this.boundaries[level];
      const start = at + 2;
      if (raw.compare(boundary, 0, boundary.length, start, start + boundary.length) !== 0) continue;
      let end = start + boundary.length;
      const closing = raw[end] === DASH && raw[end + 1] === DASH;
      if (closing) end += 2;
      while (raw[end] === 0x20 || raw[end] === 0x09) end++;
      if (end >= raw.length) return { at, next: raw.length, level, closing };
      if (raw[end] === LF) return { at, next: end + 1, level, closing };
      if (raw[end] === CR && (end + 1 === raw.length || raw[end + 1] === LF)) {
        return { at, next: Math.min(end + 2, raw.length), level, closing };
      }
    }
    return null;
  }

  /** The first delimiter line at or after `from` (a line start), or null when none is left. */
  private nextDelimiter(from: number): Delimiter | null {
    if (this.boundaries.length === 0) return null;
    const first = this.delimiterAt(from);
    if (first) return first;
    let search = from;
    for (;;) {
      const newline = this.raw.indexOf(LINE_THEN_DASHES, search);
      if (newline < 0) return null;
      const found = this.delimiterAt(newline + 1);
      if (found) return found;
      search = newline + 1;
    }
  }

  /** Where the content before a delimiter at `at` ends: its line break belongs to the delimiter. */
  private contentEnd(start: number, at: number): number {
    let end = at;
    if (end > start && this.raw[end - 1] === LF) end--;
    if (end > start && this.raw[end - 1] === CR) end--;
    return end;
  }

  /** The empty line that ends a header block starting at `start`, before `limit`. */
  private headerEnd(start: number, limit: number): { header: number; body: number } {
    const raw = this.raw;
    let line = start;
    while (line < limit) {
      if (raw[line] === LF) return { header: line, body: line + 1 };
      if (raw[line] === CR && raw[line + 1] === LF) return { header: line, body: line + 2 };
      const next = raw.indexOf(LF, line);
      if (next < 0 || next >= limit) break;
      line = next + 1;
    }
    return { header: limit, body: limit };
  }

  /** Reads the entity at `start`; returns it and the delimiter that ended it (null at the end). */
  read(start: number, defaultType: string, depth: number): [MimePart, Delimiter | null] {
    const raw = this.raw;
    const ending = this.nextDelimiter(start);
    const limit = ending ? this.contentEnd(start, ending.at) : raw.length;
    const { header: headerEnd, body: bodyStart } = this.headerEnd(start, limit);
    const header = raw.subarray(start, Math.min(headerEnd, limit));
    this.headerBytes += header.length;
    if (this.headerBytes > this.limits.maxHeadersSize) {
      throw new Error(`Maximum header size of ${this.limits.maxHeadersSize} bytes exceeded`);
    }
    const fields = contentFields(header, defaultType);
    if (!hasParts(fields)) {
      return [
        { header, body: raw.subarray(Math.min(bodyStart, limit), limit), fields, children: [] },
        ending,
      ];
    }
    if (depth >= this.limits.maxNestingDepth) {
      throw new Error(
        `Maximum MIME nesting depth of ${this.limits.maxNestingDepth} levels exceeded`,
      );
    }
    const level = this.boundaries.push(Buffer.from(fields.params.boundary, "utf8")) - 1;
    const childType = fields.type === "multipart/digest" ? "message/rfc822" : "text/plain";
    const children: MimePart[] = [];
    // The preamble runs to the first delimiter, then each part to the next one.
    let delimiter = this.nextDelimiter(Math.min(bodyStart, raw.length));
    while (delimiter && delimiter.level === level && !delimiter.closing) {
      const [child, after] = this.read(delimiter.next, childType, depth + 1);
      children.push(child);
      delimiter = after;
    }
    this.boundaries.pop();
    // Closed by its own last delimiter: the epilogue runs to an outer delimiter (or the end).
    // Otherwise an outer delimiter (or the end) closed it too.
    const outer =
      delimiter && delimiter.level === level ? this.nextDelimiter(delimiter.next) : delimiter;
    const end = outer ? this.contentEnd(bodyStart, outer.at) : raw.length;
    return [{ header, body: raw.subarray(Math.min(bodyStart, end), end), fields, children }, outer];
  }
}

/**
 * The MIME structure of a message, every part a view of `raw`. message/rfc822 parts are
 * leaves: a forwarded message is kept as the exact bytes it was sent as.
 */
export function readMimeTree(raw: Buffer, limits: MimeLimits): MimePart {
  return new MimeReader(raw, limits).read(0, "text/plain", 0)[0];
}

/** A multipart entity with a boundary: its bytes are its parts', never a file of its own. */
function hasParts(fields: ContentFields): boolean {
  return fields.type.startsWith("multipart/") && Boolean(fields.params.boundary);
}

/** The leaves of a tree, in the order they appear in the message. */
export function leafParts(root: MimePart): MimePart[] {
  const leaves: MimePart[] = [];
  const walk = (part: MimePart) => {
    if (!hasParts(part.fields)) leaves.push(part);
    for (const child of part.children) walk(child);
  };
  walk(root);
  return leaves;
}
