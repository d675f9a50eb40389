import { parseHeaderValue } from "nodemailer/lib/mime-funcs";
import { repairWindows1252 } from "./windows1252";

/** The headers of one MIME entity that decide how its body is read. */
export interface ContentFields {
  /**
   * Lower-case type/subtype as written (even when malformed, as postal-mime takes it); the
   * default only when the entity has no Content-Type (RFC 2045 §5.2, RFC 2046 §5.1.5).
   */
  type: string;
  params: Record<string, string>;
  /** Lower-case first token of Content-Transfer-Encoding, "" when absent. */
  transferEncoding: string;
  /** Lower-case disposition ("attachment", "inline") or null. */
  disposition: string | null;
  dispositionParams: Record<string, string>;
  contentId: string | null;
}

const LF = 0x0a;
const CR = 0x0d;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder("windows-1252");

/**
 * Header bytes as text: UTF-8 (RFC 6532) when they are valid UTF-8, else windows-1252, which
 * is what mail software that writes raw 8-bit headers (a Latin-1 "Frösche.txt") meant.
 */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return repairWindows1252(windows1252.decode(bytes));
  }
}

/** The fields of a header block, unfolded, each decoded on its own (one bad field spoils no other). */
export function headerFields(block: Buffer): { name: string; value: string }[] {
  const fields: { name: string; value: string }[] = [];
  let field: Buffer[] = [];
  const flush = () => {
    if (field.length === 0) return;
    const text = decodeHeaderBytes(Buffer.concat(field));
    field = [];
    const colon = text.indexOf(":");
    if (colon < 0) return;
    // Only SP and HTAB are whitespace around a field name (RFC 5322 §3.2.2), as postal-mime reads it.
    const name = text
      .slice(0, colon)
      .replace(/^[ \t]+|[ \t]+$/g, "")
      .toLowerCase();
    fields.push({ name, value: text.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "") });
  };
  let start = 0;
  while (start < block.length) {
    let end = block.indexOf(LF, start);
    if (end < 0) end = block.length;
    const line = block.subarray(start, end > start && block[end - 1] === CR ? end - 1 : end);
    if (line.length > 0 && (line[0] === 0x20 || line[0] === 0x09)) field.push(line);
    else {
      flush();
      field.push(line);
    }
    start = end + 1;
  }
  flush();
  return fields;
}

const CONTENT_HEADERS = [
  "content-type",
  "content-transfer-encoding",
  "content-disposition",
  "content-id",
];

/**
 * The content headers of an entity. A duplicated one resolves to its first occurrence, as
 * postal-mime (which reads the message's text) resolves it, so both read one structure.
 */
export function contentFields(block: Buffer, defaultType: string): ContentFields {
  const first = new Map<string, string>();
  for (const { name, value } of headerFields(block)) {
    if (CONTENT_HEADERS.includes(name) && !first.has(name)) first.set(name, value);
  }
  const typeHeader = first.get("content-type");
  const contentType = parseHeaderValue(typeHeader ?? "", { stripComments: true });
  const disposition = parseHeaderValue(first.get("content-disposition") ?? "", {
    stripComments: true,
  });
  const encoding = (first.get("content-transfer-encoding") ?? "")
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .match(/[\w-]+/);
  const contentId = first.get("content-id")?.trim();
  return {
    type: typeHeader === undefined ? defaultType : contentType.value.trim().toLowerCase(),
    params: contentType.params,
    transferEncoding: encoding ? encoding[0] : "",
    disposition: disposition.value.trim().toLowerCase() || null,
    dispositionParams: disposition.params,
    contentId: contentId ? contentId : null,
  };
}
