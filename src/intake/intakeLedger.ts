import { type DeliveryLog, readDeliveryLog, seenAt } from "../sns/deliveryLog";

/**
 * What the SQS trigger knows of the events it has seen, so each is handed over once and none is
 * deleted before a flow has handled it. Two records, each with one writer:
 * - `acknowledged`: delivery keys an Acknowledge SES Events step confirmed (written by that step);
 * - `handedOver`: delivery key -> the SQS message it was last handed over in, and when (written
 *   by the trigger), so a second copy is held back while the first may still be in a flow.
 * Pure: callers load both from persisted state and store what the functions return.
 */
export interface HandedOverLog {
  v: 1;
  /** Delivery key -> [SQS message ID, when handed over (ms)], oldest first. */
  held: Record<string, [string, number]>;
}

/** A busy run's worth many times over; at ~90 bytes an entry this is under 450 KB of state. */
export const MAX_HELD_ENTRIES = 5000;
/** ~60 bytes an entry: about 240 KB of state. SNS-to-SQS duplicates arrive within minutes. */
export const MAX_ACKNOWLEDGED_ENTRIES = 4000;
/** A queue keeps a message at most 14 days, so no copy can arrive later than that. */
export const ACKNOWLEDGED_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

/** crossFlowState key of a queue's acknowledged log: per queue, as every consumer of it shares it. */
export const acknowledgedStateKey = (queueUrl: string) => `aws-ses-sqs-acknowledged ${queueUrl}`;

const ackLimits = { maxAgeMs: ACKNOWLEDGED_MAX_AGE_MS, maxEntries: MAX_ACKNOWLEDGED_ENTRIES };

export function readHandedOverLog(value: unknown): HandedOverLog {
  const log = value as Partial<HandedOverLog> | undefined;
  if (log?.v !== 1 || typeof log.held !== "object" || log.held === null) return { v: 1, held: {} };
  return { v: 1, held: log.held };
}

export const readAcknowledgedLog = readDeliveryLog;

export function acknowledgedAt(log: DeliveryLog, key: string, now: number): number | undefined {
  return seenAt(log, key, now, ackLimits);
}

/** The acknowledged log with `keys` added now, pruned to its limits: one pass for a whole batch. */
export function acknowledge(log: DeliveryLog, keys: readonly string[], now: number): DeliveryLog {
  const fresh = new Set(keys);
  const entries = Object.entries(log.seen).filter(
    ([key, at]) => !fresh.has(key) && typeof at === "number" && now - at <= ackLimits.maxAgeMs,
  );
  for (const key of fresh) entries.push([key, now]);
  return { v: 1, seen: Object.fromEntries(entries.slice(-ackLimits.maxEntries)) };
}

/**
 * The log with each [delivery key, SQS message ID] handed over now, pruned: entries older than
 * `holdMs` go, and the oldest beyond MAX_HELD_ENTRIES. Entries stay oldest first.
 */
export function recordHandOvers(
  log: HandedOverLog,
  handedOver: Iterable<readonly [string, string]>,
  now: number,
  holdMs: number,
): HandedOverLog {
  const fresh = new Map(handedOver);
  const entries = Object.entries(log.held).filter(
    ([key, entry]) =>
      !fresh.has(key) &&
      Array.isArray(entry) &&
      typeof entry[1] === "number" &&
      now - entry[1] < holdMs,
  );
  for (const [key, messageId] of fresh) entries.push([key, [messageId, now]]);
  return { v: 1, held: Object.fromEntries(entries.slice(-MAX_HELD_ENTRIES)) };
}

/**
 * Merge of two hand-over logs, `newer` (a run's own) over `base` (what was persisted), pruned to
 * `holdMs`. Both are oldest first and newer's entries are the later ones, so no sort is needed.
 */
export function mergeHandOvers(
  base: HandedOverLog,
  newer: HandedOverLog,
  now: number,
  holdMs: number,
): HandedOverLog {
  const live = ([, entry]: [string, unknown]) =>
    Array.isArray(entry) && typeof entry[1] === "number" && now - entry[1] < holdMs;
  const entries = [
    ...Object.entries(base.held).filter((entry) => !(entry[0] in newer.held) && live(entry)),
    ...Object.entries(newer.held).filter(live),
  ];
  return { v: 1, held: Object.fromEntries(entries.slice(-MAX_HELD_ENTRIES)) };
}

export type QueueDecision =
  | { kind: "hand-over" }
  /** Genuine and done with: a copy of an event another message carries, or nothing for this flow. */
  | { kind: "delete"; why: "duplicate" | "ignored"; detail: string }
  /** Not ours to delete: refused, or not checkable now. It comes back after its visibility timeout. */
  | { kind: "leave"; why: "refused" | "retry"; detail: string };

/**
 * What to do with an SES event's SQS message with delivery key `key`. A copy is deleted only
 * while another SQS message still carries the event: one a flow acknowledged, or one handed
 * over within the last `holdMs`, which until acknowledged stays in the queue (it comes back
 * if its flow fails, and ends in the dead-letter queue if it keeps failing). So a duplicate
 * never costs the event, and never reaches a second flow while the first may still run.
 */
export function decideEvent(
  key: string,
  messageId: string,
  /** `handedOver`: the logs to look in, newest first (a run's own, then the persisted one). */
  ledger: { acknowledged: DeliveryLog; handedOver: readonly HandedOverLog[] },
  now: number,
  holdMs: number,
): QueueDecision {
  const acked = acknowledgedAt(ledger.acknowledged, key, now);
  if (acked !== undefined) {
    return {
      kind: "delete",
      why: "duplicate",
      detail: `a copy of ${key}, which a flow acknowledged at ${new Date(acked).toISOString()}`,
    };
  }
  const held = ledger.handedOver.map((log) => log.held[key]).find((entry) => entry !== undefined);
  if (held && held[0] !== messageId && now - held[1] < holdMs) {
    return {
      kind: "delete",
      why: "duplicate",
      detail: `a copy of ${key}, which message ${held[0]} carries (handed over at ${new Date(held[1]).toISOString()})`,
    };
  }
  return { kind: "hand-over" };
}
