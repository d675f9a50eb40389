/**
 * The SNS message IDs a trigger recently passed on, so a redelivery of the same message (SNS
 * delivers at least once, and retries what it thinks failed) is recognised. Pure: the caller
 * loads it from persisted state and stores what `remember` returns.
 */
export interface DeliveryLog {
  v: 1;
  /** Message ID -> when it was passed on (ms), oldest first. */
  seen: Record<string, number>;
}

export interface DeliveryLogLimits {
  /** Older entries are dropped: a message that old is refused as a replay anyway. */
  maxAgeMs: number;
  /** At most this many IDs are kept (the oldest go first), to bound the persisted state. */
  maxEntries: number;
}

export function readDeliveryLog(value: unknown): DeliveryLog {
  const log = value as Partial<DeliveryLog> | undefined;
  if (log?.v !== 1 || typeof log.seen !== "object" || log.seen === null) {
    return { v: 1, seen: {} };
  }
  return { v: 1, seen: log.seen };
}

/** When the message was passed on before, if it was within the log's window. */
export function seenAt(
  log: DeliveryLog,
  messageId: string,
  now: number,
  limits: DeliveryLogLimits,
): number | undefined {
  const at = log.seen[messageId];
  return typeof at === "number" && now - at <= limits.maxAgeMs ? at : undefined;
}

/** The log with `messageId` added now, pruned to the limits. */
export function remember(
  log: DeliveryLog,
  messageId: string,
  now: number,
  limits: DeliveryLogLimits,
): DeliveryLog {
  const entries = Object.entries(log.seen).filter(
    ([id, at]) => id !== messageId && typeof at === "number" && now - at <= limits.maxAgeMs,
  );
  entries.push([messageId, now]);
  return { v: 1, seen: Object.fromEntries(entries.slice(-limits.maxEntries)) };
}
