import type { Attachment } from "@aws-sdk/client-sesv2";

/** SES's limit on a message, after MIME (base64) encoding, attachments included. */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

// Room for the headers and MIME boundaries SES adds around the parts.
const ENVELOPE_OVERHEAD_BYTES = 8 * 1024;

/** Bytes of `length` bytes once base64-encoded in 76-character lines ending in CRLF. */
export function base64EncodedLength(length: number): number {
  const encoded = Math.ceil(length / 3) * 4;
  return encoded + Math.ceil(encoded / 76) * 2;
}

/** A safe over-estimate of the encoded message size: bodies and attachments as base64. */
export function estimateEncodedSize(parts: {
  subject: string;
  text?: string;
  html?: string;
  attachments: Attachment[];
}): number {
  const bodies = [parts.subject, parts.text ?? "", parts.html ?? ""].reduce(
    (sum, body) => sum + base64EncodedLength(Buffer.byteLength(body, "utf8")),
    0,
  );
  const files = parts.attachments.reduce(
    (sum, file) => sum + base64EncodedLength(file.RawContent?.length ?? 0) + 512,
    0,
  );
  return bodies + files + ENVELOPE_OVERHEAD_BYTES;
}

export function assertWithinSesSize(size: number): void {
  if (size > MAX_MESSAGE_BYTES) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    throw new Error(
      `The message would be about ${mb(size)} MB once encoded, over SES's ${mb(MAX_MESSAGE_BYTES)} MB limit. Send large files as links instead of attachments.`,
    );
  }
}
