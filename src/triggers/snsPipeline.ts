import { type TriggerPayload, util } from "@prismatic-io/spectral";
import { normalizeSesMessage, type SesEvent } from "../sesEvents/normalize";
import { snsCertificates } from "../sns/certificates";
import { confirmSubscription } from "../sns/confirmSubscription";
import { parseSnsMessage, type SnsMessage } from "../sns/snsMessage";
import { verifySnsMessage } from "../sns/verifySignature";

export const BRANCHES = ["Notification", "Subscription", "Ignored"];
export type Branch = "Notification" | "Subscription" | "Ignored";

export interface SnsEnvelope {
  messageId: string;
  topicArn: string;
  timestamp: string;
  subject: string | null;
  type: string;
}

const envelopeOf = (message: SnsMessage): SnsEnvelope => ({
  messageId: message.MessageId,
  topicArn: message.TopicArn,
  timestamp: message.Timestamp,
  subject: message.Subject ?? null,
  type: message.Type,
});

/**
 * One SNS request through the checks every SES trigger shares: parse, verify (a forged message
 * throws, so the execution ends at the trigger and no step sees it), confirm a subscription,
 * then hand a genuine SES event to `accept`, which returns the flow's data or undefined to ignore.
 */
export async function handleSnsRequest(
  payload: TriggerPayload,
  params: { allowedTopicArns: string[]; maxMessageAgeSeconds?: number },
  accept: (event: SesEvent, sns: SnsEnvelope) => Promise<Record<string, unknown> | undefined>,
) {
  // The raw bytes, not the platform's parsed body: the signature covers exactly what SNS sent.
  const message = parseSnsMessage(util.types.toString(payload.rawBody?.data));
  await verifySnsMessage(message, snsCertificates, {
    allowedTopicArns: params.allowedTopicArns,
    maxAgeSeconds: params.maxMessageAgeSeconds,
  });
  const sns = envelopeOf(message);
  const result = (branch: Branch, data: Record<string, unknown>) => ({
    branch,
    payload: { ...payload, body: { data, contentType: "application/json" } },
  });

  if (message.Type === "SubscriptionConfirmation") {
    await confirmSubscription(message);
    return result("Subscription", { sns, confirmed: true });
  }
  if (message.Type === "UnsubscribeConfirmation") {
    // Not re-subscribed: someone unsubscribed this endpoint on purpose.
    return result("Ignored", { sns, reason: "The endpoint was unsubscribed from the topic." });
  }
  const event = normalizeSesMessage(message.Message);
  if (!event) return result("Ignored", { sns, reason: "The message is not an SES event." });
  const data = await accept(event, sns);
  return data
    ? result("Notification", data)
    : result("Ignored", {
        sns,
        reason: `A ${event.type} event is not one this trigger passes on.`,
        eventType: event.type,
      });
}
