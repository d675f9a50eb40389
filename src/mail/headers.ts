import type { MessageHeader } from "@aws-sdk/client-sesv2";
import type { KeyValuePair } from "@prismatic-io/spectral";
import { cleanString } from "../values/text";
import { assertNoControlCharacters } from "./addresses";

// SESv2 MessageHeader rules: name of printable ASCII without ":" (max 126), value printable
// ASCII (max 995), name + value at most 996.
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]{1,126}$/;
const HEADER_VALUE = /^[\x20-\x7e]{0,995}$/;

// Set by SES or by other inputs of the action; a custom header of that name would clash.
const RESERVED = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "reply-to",
  "subject",
  "date",
  "message-id",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "content-disposition",
  "return-path",
  "sender",
]);

/** Custom headers (name -> value), validated before any AWS call. */
export function toMessageHeaders(label: string, pairs: KeyValuePair<unknown>[]): MessageHeader[] {
  return pairs.map(({ key, value }) => {
    const text = cleanString(value);
    assertNoControlCharacters(`${label} "${key}"`, key);
    assertNoControlCharacters(`${label} "${key}"`, text);
    if (!HEADER_NAME.test(key)) {
      throw new Error(
        `${label}: "${key}" is not a valid header name (printable ASCII without spaces or ":", at most 126 characters).`,
      );
    }
    if (RESERVED.has(key.toLowerCase())) {
      throw new Error(
        `${label}: "${key}" cannot be set as a custom header; use the action's own input for it, or let SES set it.`,
      );
    }
    if (!HEADER_VALUE.test(text) || key.length + text.length > 996) {
      throw new Error(
        `${label}: the value of "${key}" must be printable ASCII, at most 995 characters (996 with the name). Encode other text first (RFC 2047).`,
      );
    }
    return { Name: key, Value: text };
  });
}
