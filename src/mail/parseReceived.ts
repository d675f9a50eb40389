import { detectExtension } from "nodemailer/lib/mime-funcs";
import { leafParts, type MimePart, readMimeTree } from "./mimeTree";
import { safeFileName, uniqueFileName } from "./safeFileName";
import { readSesVerdicts, type SesVerdicts } from "./sesVerdicts";
import { decodeTransferEncoding } from "./transferDecoding";
import { repairWindows1252 } from "./windows1252";

export interface Mailbox {
  name: string;
  address: string;
}

/** A file as Prismatic passes files between steps. */
export interface PrismaticFile {
  data: Buffer;
  contentType: string;
}

export interface ReceivedAttachment {
  /** Safe to use as a file name anywhere (see safeFileName), unique within the mail. */
  fileName: string;
  /** The name exactly as the sender wrote it: never use it as a path. */
  untrustedOriginalFileName: string | null;
  contentType: string;
  size: number;
  disposition: string | null;
  contentId: string | null;
  file: PrismaticFile;
}

export interface ReceivedEmail {
  messageId: string | null;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  replyTo: Mailbox[];
  subject: string;
  date: string | null;
  inReplyTo: string | null;
  headers: { name: string; value: string }[];
  text: string | null;
  html: string | null;
  attachments: ReceivedAttachment[];
  sesVerdicts: SesVerdicts;
}

// Explicit parser limits: a hostile message must not make the parser recurse or buffer
// unbounded. message/rfc822 parts are never parsed inline: each is one attachment, the
// forwarded message exactly as it was sent (its DKIM signature still verifies).
const LIMITS = { maxNestingDepth: 50, maxHeadersSize: 2 * 1024 * 1024 };
const POSTAL_MIME_OPTIONS = { ...LIMITS, maxRfc822NestingDepth: 0 };

/** A file extension for a content type, for attachments sent without a file name. */
function extensionFor(contentType: string): string {
  const extension = detectExtension(contentType);
  return /^[a-z0-9]+$/i.test(extension) ? extension : "bin";
}

/**
 * Whether postal-mime reads a leaf as body text (its isInlineTextNode): every other leaf is an
 * attachment. The two must agree, or a part would be neither text nor attachment.
 */
function isBodyText(part: MimePart): boolean {
  const { type, disposition } = part.fields;
  return disposition !== "attachment" && (type === "text/plain" || type === "text/html");
}

/**
 * The message without the bodies of its attachments, for postal-mime to read the headers,
 * addresses and text from: it never decodes (and never rewrites) an attachment, and holds
 * only the text parts in memory. The message itself when it has no attachments.
 */
function withoutBodies(raw: Buffer, parts: MimePart[]): Buffer {
  const bodies = parts.filter((part) => part.body.length > 0);
  if (bodies.length === 0) return raw;
  const removed = bodies.reduce((sum, part) => sum + part.body.length, 0);
  // Not from the shared pool: a Buffer spanning its whole ArrayBuffer goes to postal-mime uncopied.
  const skeleton = Buffer.allocUnsafeSlow(raw.length - removed);
  let from = 0;
  let written = 0;
  for (const { body } of bodies) {
    const start = body.byteOffset - raw.byteOffset;
    written += raw.copy(skeleton, written, from, start);
    from = start + body.length;
  }
  raw.copy(skeleton, written, from);
  return skeleton;
}

function toAttachment(
  part: MimePart,
  index: number,
  taken: Set<string>,
  decodeWords: (text: string) => string,
): ReceivedAttachment {
  const { fields } = part;
  const data = decodeTransferEncoding(part.body, fields.transferEncoding);
  const contentType = fields.type || "application/octet-stream";
  const name = fields.dispositionParams.filename || fields.params.name;
  const original = name ? repairWindows1252(decodeWords(name)) : null;
  const fallback = `attachment-${index + 1}.${extensionFor(contentType)}`;
  return {
    fileName: uniqueFileName(safeFileName(original ?? "", fallback), taken),
    untrustedOriginalFileName: original,
    contentType,
    size: data.length,
    disposition: fields.disposition,
    contentId: fields.contentId?.replace(/^<|>$/g, "") ?? null,
    file: { data, contentType },
  };
}

type Address = { name: string; address?: string; group?: Address[] };

function mailboxes(list: Address[] | undefined): Mailbox[] {
  return (list ?? []).flatMap((entry) =>
    entry.group
      ? mailboxes(entry.group)
      : [{ name: repairWindows1252(entry.name), address: entry.address ?? "" }],
  );
}

/**
 * A received MIME message as fields, decoded headers and attachments. Attachment bytes are
 * exactly what their transfer encoding decodes to (RFC 2045), whatever the content type:
 * calendar invites keep their CRLFs, forwarded messages and signatures their every byte.
 * `verdicts`, when a verified SES notification gave them, replace those read from the headers.
 */
export async function parseReceivedEmail(
  raw: Buffer,
  options: { verdicts?: SesVerdicts } = {},
): Promise<ReceivedEmail> {
  const { default: PostalMime, decodeWords } = await import("postal-mime");
  const files = leafParts(readMimeTree(raw, LIMITS)).filter((part) => !isBodyText(part));
  const taken = new Set<string>();
  const attachments = files.map((part, index) => toAttachment(part, index, taken, decodeWords));
  // postal-mime copies a Buffer into a new ArrayBuffer; a Buffer that spans its whole
  // ArrayBuffer (as decrypted mail and the skeleton do) is handed over as that ArrayBuffer.
  const text = withoutBodies(raw, files);
  const whole = text.byteOffset === 0 && text.byteLength === text.buffer.byteLength;
  const email = await PostalMime.parse(
    whole ? (text.buffer as ArrayBuffer) : text,
    POSTAL_MIME_OPTIONS,
  );
  const from = mailboxes(email.from ? [email.from as Address] : undefined)[0] ?? null;
  return {
    messageId: email.messageId ?? null,
    from,
    to: mailboxes(email.to as Address[] | undefined),
    cc: mailboxes(email.cc as Address[] | undefined),
    replyTo: mailboxes(email.replyTo as Address[] | undefined),
    subject: repairWindows1252(email.subject ?? ""),
    date: email.date ?? null,
    inReplyTo: email.inReplyTo ?? null,
    headers: email.headers.map((header) => ({
      name: header.originalKey,
      value: repairWindows1252(decodeWords(header.value)),
    })),
    text: repairWindows1252(email.text ?? null),
    html: repairWindows1252(email.html ?? null),
    attachments,
    sesVerdicts: options.verdicts ?? readSesVerdicts(email.headers),
  };
}
