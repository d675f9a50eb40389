import type { SuppressedDestination, SuppressedDestinationSummary } from "@aws-sdk/client-sesv2";

/** Our output shape of a suppression list entry (summary or full). */
export function describeSuppressed(entry: SuppressedDestination | SuppressedDestinationSummary) {
  const attributes = "Attributes" in entry ? entry.Attributes : undefined;
  return {
    emailAddress: entry.EmailAddress ?? "",
    reason: entry.Reason ?? "",
    lastUpdated: entry.LastUpdateTime?.toISOString() ?? null,
    messageId: attributes?.MessageId ?? null,
    feedbackId: attributes?.FeedbackId ?? null,
  };
}
