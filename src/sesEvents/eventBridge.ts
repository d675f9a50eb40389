import { normalizeSesEvent, type SesEvent } from "./normalize";

/**
 * SES events as Amazon EventBridge delivers them (a rule's SQS target, or an API destination):
 * EventBridge's envelope (`version`, `id`, `detail-type`, `source: "aws.ses"`, `account`, `time`,
 * `region`, `resources`) around the SES event record in `detail`, the same record SES publishes
 * to SNS. EventBridge does not sign what it delivers: the queue's access policy, or the API
 * destination's secret header, is what proves where an event comes from. Pure.
 */

/** The envelope fields a flow may want, beside the normalised event. */
export interface EventBridgeEnvelope {
  /** EventBridge's ID of the event: the same in every copy EventBridge delivers of it. */
  id: string;
  detailType: string;
  account: string;
  region: string;
  time: string;
  /** For SES email events, the configuration set's ARN. */
  resources: string[];
}

export type EventBridgeRead =
  | { kind: "event"; envelope: EventBridgeEnvelope; event: SesEvent }
  /** SES's, but not an email event (Sending Status Enabled, advisor recommendations...). */
  | { kind: "ignored"; envelope: EventBridgeEnvelope; reason: string }
  | { kind: "refused"; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether parsed JSON has EventBridge's envelope shape (whatever its source). */
export function isEventBridgeEvent(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && "detail-type" in data && "source" in data && "detail" in data;
}

// Text from the request goes into reasons quoted and bounded.
const quoted = (value: unknown) => JSON.stringify(String(value).slice(0, 100));

/**
 * An EventBridge event checked and its SES event normalised. With `expectedAccountIds`, an event
 * from any other account is refused (a forged or misrouted event names any account it likes, so
 * this narrows mistakes; it is not the proof of origin).
 */
export function readEventBridgeEvent(
  data: unknown,
  options: { expectedAccountIds?: readonly string[] } = {},
): EventBridgeRead {
  if (!isEventBridgeEvent(data)) {
    return { kind: "refused", reason: "The body is not an EventBridge event." };
  }
  if (data.source !== "aws.ses") {
    return {
      kind: "refused",
      reason: `The EventBridge event's source is ${quoted(data.source)}, not aws.ses.`,
    };
  }
  const id = data.id;
  if (typeof id !== "string" || !/^[A-Za-z0-9-]{1,100}$/.test(id)) {
    return { kind: "refused", reason: "The EventBridge event has no valid id." };
  }
  const account = typeof data.account === "string" ? data.account : "";
  if (!/^\d{12}$/.test(account)) {
    return { kind: "refused", reason: "The EventBridge event has no 12-digit account." };
  }
  const expected = options.expectedAccountIds ?? [];
  if (expected.length > 0 && !expected.includes(account)) {
    return {
      kind: "refused",
      reason: `The EventBridge event is from account ${account}, not one of the expected accounts (${expected.join(", ")}).`,
    };
  }
  const time = typeof data.time === "string" ? data.time : "";
  if (Number.isNaN(Date.parse(time))) {
    return { kind: "refused", reason: "The EventBridge event has no valid time." };
  }
  const envelope: EventBridgeEnvelope = {
    id,
    detailType: typeof data["detail-type"] === "string" ? data["detail-type"].slice(0, 100) : "",
    account,
    region: typeof data.region === "string" ? data.region.slice(0, 40) : "",
    time,
    resources: Array.isArray(data.resources)
      ? data.resources.filter((r): r is string => typeof r === "string").slice(0, 10)
      : [],
  };
  const event = normalizeSesEvent(data.detail);
  if (!event) {
    return {
      kind: "ignored",
      envelope,
      reason: `A ${quoted(envelope.detailType)} event from SES is not an email event.`,
    };
  }
  // Every SES email event names its mail; one that does not was not written by SES.
  if (!event.mail.messageId) {
    return { kind: "refused", reason: "The event's detail has no mail.messageId." };
  }
  return { kind: "event", envelope, event };
}
