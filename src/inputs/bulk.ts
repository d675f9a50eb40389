import { input } from "@prismatic-io/spectral";
import { cleanString } from "./clean";

export const destinationsInput = input({
  label: "Destinations",
  type: "code",
  language: "json",
  required: true,
  comments:
    'A JSON array, or an array from an earlier step: one item per message. An item is an address, or {"to": ..., "cc": ..., "bcc": ..., "templateData": {...}, "tags": {"name": "value"}} where to/cc/bcc are an address or a list. Any length: it is split into SES calls of up to 50.',
  example:
    '[\n  {"to": "jane@example.com", "templateData": {"name": "Jane", "orderId": "A-1001"}},\n  {"to": ["Bob <bob@example.org>"], "templateData": {"name": "Bob"}, "tags": {"segment": "vip"}},\n  "carol@example.net"\n]',
});

export const defaultTemplateDataInput = input({
  label: "Default Template Data",
  type: "code",
  language: "json",
  required: false,
  default: "{}",
  comments:
    "A JSON object of values used for any placeholder a destination's templateData does not set.",
});

export const maxSendRateInput = input({
  label: "Max Send Rate (per second)",
  type: "string",
  required: false,
  comments:
    "Recipients per second to send at. Leave empty to read the account's MaxSendRate from SES (GetAccount) once per run; set lower to leave room for other senders.",
  example: "14",
  clean: (value: unknown): number | undefined => {
    const text = cleanString(value);
    if (text === "") return undefined;
    const rate = Number(text);
    if (!Number.isFinite(rate) || rate <= 0 || rate > 100_000) {
      throw new Error(
        `Max Send Rate must be a number of recipients per second above 0, not "${text}".`,
      );
    }
    return rate;
  },
});
