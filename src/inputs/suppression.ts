import { input } from "@prismatic-io/spectral";
import { parseBareAddress } from "../mail/addresses";
import { checkDate } from "../values/dates";
import { cleanOptional, cleanString, cleanStringList } from "./clean";

export const SUPPRESSION_REASONS = ["BOUNCE", "COMPLAINT"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

function reason(label: string, value: unknown): SuppressionReason {
  const text = cleanString(value).toUpperCase();
  if (!(SUPPRESSION_REASONS as readonly string[]).includes(text)) {
    throw new Error(`${label} must be BOUNCE or COMPLAINT, not "${text}".`);
  }
  return text as SuppressionReason;
}

/** A bare address (no display name) for the suppression list. */
export const suppressedAddressInput = input({
  label: "Email Address",
  type: "string",
  required: true,
  comments: "The recipient address on the account-level suppression list.",
  example: "bounced@example.com",
  clean: (value: unknown) => parseBareAddress("Email Address", cleanString(value)),
});

export const suppressionReasonInput = input({
  label: "Reason",
  type: "string",
  required: true,
  default: "BOUNCE",
  model: [
    { label: "Bounce", value: "BOUNCE" },
    { label: "Complaint", value: "COMPLAINT" },
  ],
  comments: "Why SES should stop sending to the address.",
  clean: (value: unknown) => reason("Reason", value),
});

export const suppressionReasonsFilterInput = input({
  label: "Reasons",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: "Only addresses suppressed for these reasons (BOUNCE, COMPLAINT). Empty for both.",
  clean: (value: unknown) => cleanStringList(value).map((item) => reason("Reasons", item)),
});

export const accountSuppressedReasonsInput = input({
  label: "Suppress On",
  type: "string",
  collection: "valuelist",
  required: false,
  comments:
    "What adds a recipient to the account-level suppression list automatically: BOUNCE (hard bounces) and/or COMPLAINT. An empty list turns automatic suppression off for the region.",
  example: "BOUNCE",
  clean: (value: unknown) => [
    ...new Set(cleanStringList(value).map((item) => reason("Suppress On", item))),
  ],
});

const cleanDate = (label: string) => cleanOptional((text) => checkDate(label, text));

export const startDateInput = input({
  label: "Start Date",
  type: "string",
  required: false,
  comments: "Only addresses added to the list at or after this time (ISO 8601).",
  example: "2026-11-01T00:00:00Z",
  clean: cleanDate("Start Date"),
});

export const endDateInput = input({
  label: "End Date",
  type: "string",
  required: false,
  comments: "Only addresses added to the list before this time (ISO 8601).",
  example: "2026-12-01T00:00:00Z",
  clean: cleanDate("End Date"),
});
