import { createHash } from "node:crypto";
import {
  type EventBridgeEnvelope,
  isEventBridgeEvent,
  readEventBridgeEvent,
} from "../sesEvents/eventBridge";
import { normalizeSesMessage, type SesEvent } from "../sesEvents/normalize";
import type { CertificateCache } from "../sns/certificateCache";
import { parseSnsMessage, type SnsEnvelope, SnsRejection, snsEnvelopeOf } from "../sns/snsMessage";
import { verifySnsMessageNow } from "../sns/verifySignature";

/**
 * One SQS message of an SES event pipeline, checked (the intake of the coming SQS trigger,
 * issue 14): what SNS put in a subscribed queue (its signed envelope), or, with raw message
 * delivery, SES's JSON itself. Pure: the certificate fetch is the cache's, injected.
 */
export type QueuedMessage =
  | {
      kind: "event";
      event: SesEvent;
      sns: SnsEnvelope | null;
      /** The EventBridge envelope, when an EventBridge rule sent the event to the queue. */
      eventBridge: EventBridgeEnvelope | null;
      /** Stable for redeliveries of this message: the SNS MessageId, or a hash of a raw body. */
      deliveryKey: string;
    }
  /** Genuine, but nothing for the flow (not an SES event, a confirmation): safe to delete. */
  | { kind: "ignored"; reason: string; deliveryKey: string }
  /** Forged, malformed or from a foreign topic: never handed over, and never deleted by us. */
  | { kind: "refused"; reason: string };

export interface QueueIntakeOptions {
  /** The builder's topics: an envelope from any other is refused, and all are when empty. */
  acceptedTopicArns: readonly string[];
  /** The subscription uses raw message delivery: a body that is SES's JSON is taken as it is. */
  rawDelivery: boolean;
  certificates: CertificateCache;
  /**
   * An EventBridge rule sends SES events to the queue: its events (unsigned; the queue's access
   * policy proves where they come from) are taken, deduplicated by EventBridge's event ID.
   */
  eventBridge?: boolean;
  /** With eventBridge: events from other accounts are refused (all are taken when empty). */
  expectedAccountIds?: readonly string[];
  /** A queue keeps messages up to 14 days, so that is the replay window by default. */
  maxAgeSeconds?: number;
  requireSignatureVersion2?: boolean;
  now?: () => number;
}

const FOURTEEN_DAYS = 14 * 24 * 3600;

const isEnvelope = (data: unknown) =>
  typeof data === "object" && data !== null && "Type" in data && "Signature" in data;

export async function readQueuedMessage(
  body: string,
  options: QueueIntakeOptions,
): Promise<QueuedMessage> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { kind: "refused", reason: "The message body is not JSON." };
  }
  if (isEventBridgeEvent(data)) return fromEventBridge(data, options);
  if (!isEnvelope(data)) {
    if (!options.rawDelivery) {
      return {
        kind: "refused",
        reason:
          "The message is not a signed SNS envelope. If the queue's subscription uses raw message delivery, turn on Raw Message Delivery in the trigger (the queue's access policy is then what proves where messages come from).",
      };
    }
    const event = normalizeSesMessage(body);
    const deliveryKey = `sha256:${createHash("sha256").update(body).digest("base64url")}`;
    if (!event) return { kind: "ignored", reason: "The message is not an SES event.", deliveryKey };
    // Every SES event names its mail; one that does not was not written by SES.
    if (!event.mail.messageId) {
      return {
        kind: "refused",
        reason: "The raw SES event has no mail.messageId: SES writes one in every event.",
      };
    }
    return { kind: "event", event, sns: null, eventBridge: null, deliveryKey };
  }
  try {
    const message = await verifySnsMessageNow(parseSnsMessage(body), options.certificates, {
      acceptedTopicArns: options.acceptedTopicArns,
      maxAgeSeconds: options.maxAgeSeconds ?? FOURTEEN_DAYS,
      requireSignatureVersion2: options.requireSignatureVersion2,
      now: options.now,
    });
    const deliveryKey = `sns:${message.MessageId}`;
    if (message.Type !== "Notification") {
      return {
        kind: "ignored",
        reason: `An SNS ${message.Type} in the queue: queue subscriptions are confirmed in SNS, not by the flow.`,
        deliveryKey,
      };
    }
    const event = normalizeSesMessage(message.Message);
    if (!event) return { kind: "ignored", reason: "The message is not an SES event.", deliveryKey };
    return { kind: "event", event, sns: snsEnvelopeOf(message), eventBridge: null, deliveryKey };
  } catch (error) {
    // A certificate that could not be fetched is not the message's fault: fail, and retry later.
    if (error instanceof SnsRejection && error.reason !== "certificate-unavailable") {
      return { kind: "refused", reason: error.message };
    }
    throw error;
  }
}

/** An EventBridge event in the queue: taken only when the trigger expects them. */
function fromEventBridge(data: unknown, options: QueueIntakeOptions): QueuedMessage {
  if (!options.eventBridge) {
    return {
      kind: "refused",
      reason:
        "The message is an EventBridge event, but EventBridge Events is off: turn it on if an EventBridge rule sends SES events to this queue (the queue's access policy is then what proves where messages come from).",
    };
  }
  const read = readEventBridgeEvent(data, { expectedAccountIds: options.expectedAccountIds });
  if (read.kind === "refused") return read;
  const deliveryKey = `eventbridge:${read.envelope.id}`;
  if (read.kind === "ignored") return { kind: "ignored", reason: read.reason, deliveryKey };
  return { kind: "event", event: read.event, sns: null, eventBridge: read.envelope, deliveryKey };
}
