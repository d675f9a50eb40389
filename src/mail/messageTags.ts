import type { MessageTag } from "@aws-sdk/client-sesv2";
import type { KeyValuePair } from "@prismatic-io/spectral";
import { cleanString } from "../values/text";

// SES message tag names and values: ASCII letters, digits, "_" and "-", at most 256 characters.
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;

/** Message tags (name -> value) for configuration-set event publishing. */
export function toMessageTags(label: string, pairs: KeyValuePair<unknown>[]): MessageTag[] {
  return pairs.map(({ key, value }) => {
    const text = cleanString(value);
    if (!TAG_PART.test(key) || !TAG_PART.test(text)) {
      throw new Error(
        `${label}: tag "${key}" = "${text}" is not allowed; names and values use only letters, digits, "_" and "-" (1 to 256 characters).`,
      );
    }
    return { Name: key, Value: text };
  });
}
