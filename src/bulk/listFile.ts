import type { Readable } from "node:stream";
import { parseDestination } from "./destinations";
import type { FeedEntry, FeedPosition } from "./feed";

export type ListFormat = "jsonl" | "csv";

/** Where reading starts: the item's ordinal, its byte offset, and the line before it. */
export interface ListStart {
  index: number;
  offset: number;
  line: number;
  /** CSV only: the header row's column names, when starting after it. */
  header?: string[];
}

const MAX_LINE_BYTES = 1024 * 1024;

function entryOf(item: unknown, index: number, line: number, next: FeedPosition): FeedEntry {
  try {
    const destination = parseDestination(item, index, `Line ${line}: `);
    return { destination: { ...destination, source: { line, item } }, next };
  } catch (error) {
    return { invalid: { index, line, error: (error as Error).message }, next };
  }
}

/**
 * JSON Lines: one destination per line, as in the Destinations input (an address, or an object).
 * Blank lines are skipped; a line that is not JSON or not a destination is an invalid entry with
 * its line number, and reading goes on.
 */
async function* jsonLines(
  bytes: AsyncIterable<Buffer>,
  start: ListStart,
): AsyncIterable<FeedEntry> {
  let index = start.index;
  let line = start.line;
  let base = start.offset; // the file offset of the current chunk's first byte
  let parts: Buffer[] = []; // the line so far, when it spans chunks
  let partLength = 0;
  let overlong = false; // the current line passed MAX_LINE_BYTES: its bytes are being skipped
  const lineOut = (raw: Buffer, end: number): FeedEntry | undefined => {
    line += 1;
    const next = { index: index + 1, offset: end, line };
    overlong ||= raw.length > MAX_LINE_BYTES;
    let text = overlong ? "" : raw.toString("utf8").replace(/\r$/, "");
    if (line === 1) text = text.replace(/^\uFEFF/, ""); // a byte-order mark some editors write
    if (!overlong && text.trim() === "") return undefined;
    let entry: FeedEntry;
    if (overlong) {
      entry = { invalid: { index, line, error: `Line ${line}: longer than 1 MB.` }, next };
    } else {
      try {
        entry = entryOf(JSON.parse(text), index, line, next);
      } catch (error) {
        const why = (error as Error).message.slice(0, 80);
        entry = { invalid: { index, line, error: `Line ${line}: not JSON (${why}).` }, next };
      }
    }
    overlong = false;
    index += 1;
    return entry;
  };
  for await (const chunk of bytes) {
    let from = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, at);
      const entry = lineOut(parts.length ? Buffer.concat([...parts, piece]) : piece, base + at + 1);
      parts = [];
      partLength = 0;
      if (entry) yield entry;
      from = at + 1;
    }
    if (!overlong && from < chunk.length) {
      parts.push(chunk.subarray(from));
      partLength += chunk.length - from;
      // An endless line: skip its bytes, and report it as one invalid line once it ends.
      if (partLength > MAX_LINE_BYTES) {
        overlong = true;
        parts = [];
      }
    }
    base += chunk.length;
  }
  if (parts.length || overlong) {
    const entry = lineOut(Buffer.concat(parts), base);
    if (entry) yield entry;
  }
}

/** The destination a CSV row describes: to/cc/bcc (several separated by ";"), the rest template data. */
function rowItem(row: Record<string, string>) {
  const { to, cc, bcc, ...data } = row;
  const list = (value: string | undefined) =>
    (value ?? "")
      .split(";")
      .map((address) => address.trim())
      .filter(Boolean);
  return { to: list(to), cc: list(cc), bcc: list(bcc), templateData: data };
}

/**
 * CSV with a header row: columns `to` (required), optional `cc` and `bcc`, and any others become
 * template data. A row with the wrong number of fields, or no valid recipient, is an invalid
 * entry with its line number. Broken quoting ends the read with an error naming the line.
 */
async function* csvRows(bytes: Readable, start: ListStart): AsyncIterable<FeedEntry> {
  const { parse: parseCsv } = await import("csv-parse");
  const parser = parseCsv({
    bom: start.offset === 0,
    columns: start.header ?? ((names: string[]) => names.map((name) => name.trim())),
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_LINE_BYTES,
  });
  bytes.pipe(parser);
  let index = start.index;
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { bytes: number; lines: number; error?: unknown; columns: { name: string }[] };
  }>) {
    const line = start.line + info.lines;
    const header = info.columns.map((column) => column.name);
    const next = { index: index + 1, offset: start.offset + info.bytes, line, header };
    if (!info.columns.some((column) => column.name === "to")) {
      throw new Error('the CSV header has no "to" column.');
    }
    yield info.error
      ? {
          invalid: { index, line, error: `Line ${line}: ${info.columns.length} columns expected.` },
          next,
        }
      : entryOf(rowItem(record), index, line, next);
    index += 1;
  }
}

/** The entries of a list file, from `start` on. */
export function readListFile(
  bytes: Readable,
  format: ListFormat,
  start: ListStart,
): AsyncIterable<FeedEntry> {
  return format === "csv" ? csvRows(bytes, start) : jsonLines(bytes, start);
}
