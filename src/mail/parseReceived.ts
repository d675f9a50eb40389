import { detectExtension } from "nodemailer/lib/mime-funcs";
import { safeFileName, uniqueFileName } from "./safeFileName";
import { readSesVerdicts, type SesVerdicts } from "./sesVerdicts";
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

// Explicit parser limits: a hostile message must not make the parser recurse or buffer unbounded.
const PARSER_LIMITS = {
  maxNestingDepth: 50,
  maxHeadersSize: 2 * 1024 * 1024,
  maxRfc822NestingDepth: 5,
};

/** A file extension for a content type, for attachments sent without a file name. */
function extensionFor(contentType: string): string {
  const extension = detectExtension(contentType);
  return /^[a-z0-9]+$/i.test(extension) ? extension : "bin";
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
 * A received MIME message as fields, decoded headers and attachments (bytes kept exactly).
 * `verdicts`, when a verified SES notification gave them, replace those read from the headers.
 */
export async function parseReceivedEmail(
  raw: Buffer,
  options: { verdicts?: SesVerdicts } = {},
): Promise<ReceivedEmail> {
  // postal-mime copies a Buffer into a new ArrayBuffer; a Buffer that spans its whole
  // ArrayBuffer (as decrypted mail does) is handed over as that ArrayBuffer, saving a copy.
  const { default: PostalMime, decodeWords } = await import("postal-mime");
  const whole = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength;
  const email = await PostalMime.parse(whole ? (raw.buffer as ArrayBuffer) : raw, PARSER_LIMITS);
  const taken = new Set<string>();
  const attachments = email.attachments.map((attachment, index): ReceivedAttachment => {
    const data = Buffer.isBuffer(attachment.content)
      ? attachment.content
      : typeof attachment.content === "string"
        ? Buffer.from(attachment.content, "utf8")
        : Buffer.from(attachment.content as ArrayBuffer);
    const contentType = attachment.mimeType || "application/octet-stream";
    const original = repairWindows1252(attachment.filename);
    const fallback = `attachment-${index + 1}.${extensionFor(contentType)}`;
    return {
      fileName: uniqueFileName(safeFileName(original ?? "", fallback), taken),
      untrustedOriginalFileName: original,
      contentType,
      size: data.length,
      disposition: attachment.disposition ?? null,
      contentId: attachment.contentId?.replace(/^<|>$/g, "") ?? null,
      file: { data, contentType },
    };
  });
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
