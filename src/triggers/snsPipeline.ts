import { type ActionContext, type TriggerPayload, util } from "@prismatic-io/spectral";
import { normalizeSesMessage, type SesEvent } from "../sesEvents/normalize";
import { snsCertificates } from "../sns/certificates";
import { confirmSubscription } from "../sns/confirmSubscription";
import { DeliveryLog } from "../sns/deliveryLog";
import {
  parseSnsMessage,
  type SnsEnvelope,
  type SnsMessage,
  SnsRejection,
  snsEnvelopeOf,
} from "../sns/snsMessage";
import { MAX_CLOCK_SKEW_SECONDS, verifySnsMessageNow } from "../sns/verifySignature";

export const BRANCHES = ["Notification", "Subscription", "Duplicate", "Ignored"];
export type Branch = "Notification" | "Subscription" | "Duplicate" | "Ignored";

/** instanceState key of the SNS message IDs this flow's trigger passed on recently. */
export const DELIVERY_LOG_KEY = "aws-ses-sns-delivered";
/** Enough for a busy hour of events (about 38 KB of state); older IDs are dropped first. */
const MAX_REMEMBERED_MESSAGES = 2000;

/** The inputs every SNS trigger shares that decide which messages it accepts. */
export interface SnsAcceptParams {
  allowedTopicArns: string[];
  subscribeTopic?: string;
  maxMessageAgeSeconds: number;
  requireSignatureV2?: boolean;
}

/** The builder's topics: Allowed Topic ARNs plus Subscribe To Topic. */
export function acceptedTopicArns(params: SnsAcceptParams): string[] {
  const topics = [...params.allowedTopicArns];
  if (params.subscribeTopic && !topics.includes(params.subscribeTopic)) {
    topics.push(params.subscribeTopic);
  }
  return topics;
}

// What the builder can do about a refused topic, in the words of the trigger's inputs.
const TOPIC_ADVICE: Partial<Record<SnsRejection["reason"], string>> = {
  "no-topics-configured":
    " Set Subscribe To Topic, or list your topic's ARN in Allowed Topic ARNs: a valid SNS signature proves only that SNS sent the message, not that it came from your topic.",
  "topic-not-allowed":
    " If this topic is yours, add its ARN to Allowed Topic ARNs; otherwise someone else's topic is sending to this webhook URL, and nothing was done with its message.",
};

async function verified(message: SnsMessage, params: SnsAcceptParams) {
  try {
    return await verifySnsMessageNow(message, snsCertificates, {
      acceptedTopicArns: acceptedTopicArns(params),
      maxAgeSeconds: params.maxMessageAgeSeconds,
      requireSignatureVersion2: params.requireSignatureV2,
    });
  } catch (error) {
    const advice = error instanceof SnsRejection && TOPIC_ADVICE[error.reason];
    throw advice ? new SnsRejection(error.reason, `${error.detail}${advice}`) : error;
  }
}

/**
 * One SNS request through the checks every SES trigger shares: parse, verify (a forged message or
 * one from a topic that is not the builder's throws, so the execution ends at the trigger and no
 * step sees it), confirm a subscription, recognise a redelivered notification, then hand a
 * genuine SES event to `accept`, which returns the flow's data or undefined to ignore.
 */
export async function handleSnsRequest(
  context: Pick<ActionContext, "instanceState">,
  payload: TriggerPayload,
  params: SnsAcceptParams,
  accept: (event: SesEvent, sns: SnsEnvelope) => Promise<Record<string, unknown> | undefined>,
) {
  // The raw bytes, not the platform's parsed body: the signature covers exactly what SNS sent.
  const message = await verified(
    parseSnsMessage(util.types.toString(payload.rawBody?.data)),
    params,
  );
  const sns = snsEnvelopeOf(message);
  // The signed request itself is not passed on: whoever can read execution results could post
  // it again. The parsed fields and IDs are in `data`.
  const result = (branch: Branch, data: Record<string, unknown>) => ({
    branch,
    payload: {
      ...payload,
      rawBody: { data: "" },
      body: { data, contentType: "application/json" },
    },
  });

  if (message.Type === "SubscriptionConfirmation") {
    await confirmSubscription(message);
    return result("Subscription", { sns, confirmed: true });
  }
  if (message.Type === "UnsubscribeConfirmation") {
    // Not re-subscribed: someone unsubscribed this endpoint on purpose.
    return result("Ignored", { sns, reason: "The endpoint was unsubscribed from the topic." });
  }
  // Before any other work (a fetch of the mail, say): a message already passed on is not again.
  const now = Date.now();
  const limits = {
    maxAgeMs: (params.maxMessageAgeSeconds + MAX_CLOCK_SKEW_SECONDS) * 1000,
    maxEntries: MAX_REMEMBERED_MESSAGES,
  };
  const log = DeliveryLog.read(context.instanceState?.[DELIVERY_LOG_KEY]);
  const before = log.seenAt(message.MessageId, now, limits.maxAgeMs);
  if (before !== undefined) {
    return result("Duplicate", {
      sns,
      reason: `SNS delivered message ${message.MessageId} again; this flow passed it on at ${new Date(before).toISOString()}.`,
      firstPassedOnAt: new Date(before).toISOString(),
    });
  }
  const event = normalizeSesMessage(message.Message);
  if (!event) return result("Ignored", { sns, reason: "The message is not an SES event." });
  const data = await accept(event, sns);
  if (!data) {
    return result("Ignored", {
      sns,
      reason: `A ${event.type} event is not one this trigger passes on.`,
      eventType: event.type,
    });
  }
  log.remember(message.MessageId, now, limits);
  return {
    ...result("Notification", data),
    instanceState: { ...context.instanceState, [DELIVERY_LOG_KEY]: log.toJSON() },
  };
}
