import { util } from "@prismatic-io/spectral";
import { MAX_MESSAGE_BYTES } from "./messageSize";

/** What Send Raw Email needs to know of a MIME message before handing it to SES. */
export interface RawMessageSummary {
  bytes: Buffer;
  hasFrom: boolean;
  hasRecipients: boolean;
}

// A header section is far smaller than this; looking further would mean the message has none.
const MAX_HEADER_BYTES = 1024 * 1024;
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;

function headerSection(bytes: Buffer): Buffer {
  const window = bytes.subarray(0, MAX_HEADER_BYTES);
  const crlf = window.indexOf("\r\n\r\n");
  const lf = window.indexOf("\n\n");
  const ends = [crlf, lf].filter((index) => index >= 0);
  return ends.length ? window.subarray(0, Math.min(...ends)) : window;
}

/**
 * Checks that a raw message (a file from an earlier step, or text) is an RFC 5322 message
 * within SES's size limit, and reports whether it names a sender and recipients itself.
 */
export async function inspectRawMessage(label: string, value: unknown): Promise<RawMessageSummary> {
  const { default: PostalMime } = await import("postal-mime");
  if (value === undefined || value === null || value === "")
    throw new Error(`${label} is required.`);
  const bytes = util.types.toBufferDataPayload(value).data;
  if (bytes.length > MAX_MESSAGE_BYTES) {
    throw new Error(
      `${label} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over SES's 40 MB limit for a raw message.`,
    );
  }
  const headers = headerSection(bytes);
  if (!HEADER_LINE.test(headers.toString("latin1", 0, 1000))) {
    throw new Error(
      `${label} is not a MIME message: it must start with header lines such as "From: ..." followed by an empty line and the body.`,
    );
  }
  const parsed = await PostalMime.parse(headers);
  const count = (list: unknown[] | undefined) => list?.length ?? 0;
  return {
    bytes,
    hasFrom: parsed.from !== undefined,
    hasRecipients: count(parsed.to) + count(parsed.cc) + count(parsed.bcc) > 0,
  };
}
