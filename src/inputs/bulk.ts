import { input } from "@prismatic-io/spectral";
import type { ListFormat } from "../bulk/listFile";
import { checkBucketName, checkObjectKey } from "../values/s3Names";
import { cleanInteger, cleanOptional, cleanOptionalString, cleanString } from "./clean";

export const destinationsInput = input({
  label: "Destinations",
  type: "code",
  language: "json",
  required: false,
  comments:
    'A JSON array, or an array from an earlier step: one item per message. An item is an address, or {"to": ..., "cc": ..., "bcc": ..., "templateData": {...}, "tags": {"name": "value"}} where to/cc/bcc are an address or a list. Split into SES calls of up to 50. For lists too large to pass between steps (over about 100,000), use Destinations File instead.',
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

/** Prismatic stops an execution after 15 minutes; this leaves room for the flow's other steps. */
export const DEFAULT_TIME_BUDGET_SECONDS = 600;

export const timeBudgetInput = input({
  label: "Time Budget (seconds)",
  type: "string",
  required: false,
  default: String(DEFAULT_TIME_BUDGET_SECONDS),
  comments:
    "Stop starting SES calls after this long, wait for the calls in flight (a second or so), and return with a Resume Cursor for the rest. Prismatic stops every execution after 15 minutes, and a send cut off there leaves no record of who got the mail; the default of 600 (10 minutes) leaves room for the flow's other steps. Lower it by the time the steps before this one take. From 5 (so that a run that starts throttled, right after the previous one, still gets a second of sending) to 840.",
  example: "600",
  clean: cleanInteger("Time Budget (seconds)", 5, 840, DEFAULT_TIME_BUDGET_SECONDS),
});

export const resumeCursorInput = input({
  label: "Resume Cursor",
  type: "string",
  required: false,
  comments:
    "To continue a send that stopped at its Time Budget: the resumeCursor output of the previous run, with the same Destinations. Destinations that already have an outcome are not sent again. Empty to start a new send.",
  clean: cleanOptionalString,
});

export const destinationsBucketInput = input({
  label: "Destinations File Bucket",
  type: "string",
  required: false,
  comments:
    "Instead of Destinations: the S3 bucket of a file listing the destinations, read as a stream, so a list of any length (1,000,000 and more) never passes through a step or sits in memory whole. Needs s3:GetObject.",
  example: "campaign-lists",
  clean: cleanOptional((text) => checkBucketName("Destinations File Bucket", text)),
});

export const destinationsKeyInput = input({
  label: "Destinations File Key",
  type: "string",
  required: false,
  comments:
    'The file\'s object key. JSON Lines (.jsonl, .ndjson: one item per line, as in Destinations) or CSV with a header row (.csv: a "to" column, optional "cc" and "bcc", several addresses separated by ";"; every other column is template data). A bad line is reported as its own result (status INVALID, with its line number) and the good ones are sent; more than 1,000 bad lines stop the run.',
  example: "newsletter/2026-12.csv",
  clean: cleanOptional((text) => checkObjectKey("Destinations File Key", text)),
});

export const destinationsFormatInput = input({
  label: "Destinations File Format",
  type: "string",
  required: false,
  default: "auto",
  model: [
    { label: "From the key's extension", value: "auto" },
    { label: "JSON Lines", value: "jsonl" },
    { label: "CSV with a header row", value: "csv" },
  ],
  comments:
    "How the Destinations File is written; by default from its extension (.csv is CSV, anything else JSON Lines).",
  clean: (value: unknown): "auto" | ListFormat => {
    const text = cleanString(value) || "auto";
    if (text !== "auto" && text !== "jsonl" && text !== "csv") {
      throw new Error(
        `Destinations File Format must be auto, jsonl or csv, not "${text.slice(0, 40)}".`,
      );
    }
    return text;
  },
});
