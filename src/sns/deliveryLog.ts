import { DigestLog, digestOf, type StoredDigestLog } from "../dedupe/digestLog";

/**
 * The SNS message IDs a trigger recently passed on, so a redelivery of the same message (SNS
 * delivers at least once, and retries what it thinks failed) is recognised. Constant work per
 * delivery whatever it holds (see DigestLog). Pure: the caller loads it from persisted state and
 * stores `toJSON()`.
 */

/** The stored form: version 2, a DigestLog (version 1 was an object of message ID -> ms). */
export interface StoredDeliveryLog extends StoredDigestLog {
  v: 2;
}

export interface DeliveryLogLimits {
  /** Older entries are dropped: a message that old is refused as a replay anyway. */
  maxAgeMs: number;
  /** At most this many IDs are kept (the oldest go first), to bound the persisted state. */
  maxEntries: number;
}

// 66 bits of the ID's SHA-256: a false "already passed on" among 2,000 IDs is ~3e-17 likely.
const KEY_CHARS = 11;
// Milliseconds after the base, base 36: 89 years, and the first delivery's exact time.
const FORMAT = { keyChars: KEY_CHARS, payloadChars: 0, timeChars: 8, unitMs: 1 };

export class DeliveryLog {
  private constructor(private readonly log: DigestLog) {}

  /** The log in `value` (this format, taken over and updated in place, or version 1), or an empty one. */
  static read(value: unknown): DeliveryLog {
    const stored = value as { v?: number; seen?: unknown } | null | undefined;
    if (stored?.v === 2 && DigestLog.isStored(stored)) {
      return new DeliveryLog(new DigestLog(FORMAT, stored));
    }
    const log = new DeliveryLog(new DigestLog(FORMAT));
    if (stored?.v === 1 && typeof stored.seen === "object" && stored.seen !== null) {
      const entries = Object.entries(stored.seen as Record<string, unknown>);
      for (const [messageId, at] of entries) {
        if (typeof at === "number") log.log.append(digestOf(messageId, KEY_CHARS), "", at);
      }
    }
    return log;
  }

  get size(): number {
    return this.log.size;
  }

  /** When the message was passed on before, if it was within `maxAgeMs` of `now`. */
  seenAt(messageId: string, now: number, maxAgeMs: number): number | undefined {
    const record = this.log.find(digestOf(messageId, KEY_CHARS));
    return record && now - record.at <= maxAgeMs ? record.at : undefined;
  }

  /** Adds `messageId` as passed on at `now`, pruned to the limits. */
  remember(messageId: string, now: number, limits: DeliveryLogLimits): void {
    this.log.append(digestOf(messageId, KEY_CHARS), "", now);
    this.log.prune(now, limits);
  }

  toJSON(): StoredDeliveryLog {
    return { v: 2, ...this.log.toStored() };
  }
}
