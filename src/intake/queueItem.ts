import type { EventBridgeEnvelope } from "../sesEvents/eventBridge";
import type { SesEvent } from "../sesEvents/normalize";
import type { SnsEnvelope } from "../sns/snsMessage";

/** Where a handed-over event sits in its queue: what Acknowledge SES Events needs to delete it. */
export interface QueuePosition {
  url: string;
  messageId: string;
  receiptHandle: string;
  /** How many times SQS has handed this message out; above 1 it came back after a failure. */
  receiveCount: number;
  sentAt: string | null;
  /**
   * The SNS MessageId (`sns:...`), EventBridge's event ID (`eventbridge:...`) or a hash of a raw
   * message: the same for every copy.
   */
  deliveryKey: string;
}

/** One event as the SQS trigger hands it over: the webhook triggers' data plus `queue`. */
export interface QueueEventItem {
  sns: SnsEnvelope | null;
  /** The EventBridge envelope, for events an EventBridge rule sent to the queue. */
  eventBridge?: EventBridgeEnvelope | null;
  event: SesEvent;
  email?: unknown;
  encryption?: unknown;
  queue: QueuePosition;
}

/** Receipt handles are opaque, but SQS's are base64-ish text of at most about 1 KB. */
const HANDLE = /^[A-Za-z0-9+/=_.:-]{1,4096}$/;
const KEY = /^(sns:[A-Za-z0-9-]{1,100}|eventbridge:[A-Za-z0-9-]{1,100}|sha256:[A-Za-z0-9_-]{43})$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The queue positions of what a trigger handed over (one item or a batch's list), checked
 * before any AWS call. The error names the item and what is wrong, never its content.
 */
export function queuePositions(label: string, value: unknown): QueuePosition[] {
  let items = value;
  if (typeof items === "string" && items.trim() !== "") {
    try {
      items = JSON.parse(items);
    } catch {
      throw new Error(`${label} is text that is not JSON: map the trigger's body.data.`);
    }
  }
  const list = Array.isArray(items) ? items : [items];
  if (list.length === 0 || items === undefined || items === null || String(items).trim() === "") {
    throw new Error(`${label} is empty: map the SES Events From SQS trigger's body.data.`);
  }
  return list.map((item, index) => {
    const where = list.length > 1 ? `${label} item ${index + 1}` : label;
    const queue = isRecord(item) ? item.queue : undefined;
    if (!isRecord(queue)) {
      throw new Error(
        `${where} has no "queue" field: it is not an event from the SES Events From SQS trigger.`,
      );
    }
    const { url, messageId, receiptHandle, deliveryKey } = queue;
    if (typeof url !== "string" || url === "") throw new Error(`${where}: queue.url is missing.`);
    if (typeof messageId !== "string" || !/^[A-Za-z0-9-]{1,100}$/.test(messageId)) {
      throw new Error(`${where}: queue.messageId is not an SQS message ID.`);
    }
    if (typeof receiptHandle !== "string" || !HANDLE.test(receiptHandle)) {
      throw new Error(`${where}: queue.receiptHandle is not an SQS receipt handle.`);
    }
    if (typeof deliveryKey !== "string" || !KEY.test(deliveryKey)) {
      throw new Error(`${where}: queue.deliveryKey is not one the trigger writes.`);
    }
    return {
      url,
      messageId,
      receiptHandle,
      deliveryKey,
      receiveCount: typeof queue.receiveCount === "number" ? queue.receiveCount : 1,
      sentAt: typeof queue.sentAt === "string" ? queue.sentAt : null,
    };
  });
}
