import { DigestLog, digestOf, type StoredDigestLog } from "../dedupe/digestLog";

/**
 * What the SQS trigger handed over, so that each SES event reaches a successful flow once:
 * delivery key -> the SQS message that carried it and when. One writer: the trigger alone (its
 * polling state). Batch executions write nothing, so however many run at once, and whatever
 * state they save at their end, no hand-over is ever lost to another writer (Prismatic saves
 * state whole and the last writer wins).
 *
 * The trigger decides from this and from SQS's own identities, with no acknowledgement log:
 * - a message it handed over before (same SQS message ID) came back: its flow failed or did not
 *   acknowledge in time, so it goes to a flow again;
 * - another SQS message with the event (a second SNS copy) is deleted: the first still carries
 *   the event until a flow acknowledges it, or until SQS moves it to the dead-letter queue, from
 *   which Redrive Dead-Letter Queue sends it back marked with the ID of the message it was;
 * - a copy that reached SQS long after SNS signed it is a re-sent or replayed message: it is
 *   left for the dead-letter queue, never handed over twice.
 * Pure: the caller loads the ledger from state and stores what it returns.
 */

/** How long after SNS signs a message a genuine copy can still reach the queue. */
export const SNS_TO_QUEUE_MS = 60 * 60 * 1000;
/** At 23 characters an entry, about 2.3 MB of state; the oldest go first beyond it. */
export const MAX_LEDGER_ENTRIES = 100_000;
/** SQS message attribute Redrive Dead-Letter Queue sets: the ID of the message it sends back. */
export const REDRIVE_ATTRIBUTE = "ses-redrive-of";

const KEY_CHARS = 11; // 66 bits of SHA-256: a collision among 100,000 keys is ~1e-10 likely
const ID_CHARS = 6; // 36 bits: enough to tell one carrier from another of the same event
// Whole seconds after the ledger's base, base 36 (69 years).
const FORMAT = { keyChars: KEY_CHARS, payloadChars: ID_CHARS, timeChars: 6, unitMs: 1000 };

interface Carrier {
  /** Digest of the SQS message ID that carried the event. */
  id: string;
  /** When it was handed over, ms (to the second). */
  at: number;
}

/** The stored form: version 3, a DigestLog (buckets of fixed-width records). */
export interface StoredLedger extends StoredDigestLog {
  v: 3;
}

export class IntakeLedger {
  private readonly log: DigestLog;

  constructor(stored?: StoredDigestLog) {
    this.log = new DigestLog(FORMAT, stored);
  }

  /**
   * The ledger in `value` (this format, taken over and updated in place; version 2's single
   * string of records; or version 1's hand-over log), or an empty one.
   */
  static read(value: unknown): IntakeLedger {
    const stored = value as { v?: number; base?: number; records?: unknown; held?: unknown };
    if (stored?.v === 3 && DigestLog.isStored(stored)) return new IntakeLedger(stored);
    const ledger = new IntakeLedger();
    if (stored?.v === 2 && typeof stored.records === "string" && Number.isFinite(stored.base)) {
      // Version 2: one string of records (key, carrier, seconds after base), oldest first.
      const base = stored.base as number;
      const records = stored.records;
      const width = KEY_CHARS + ID_CHARS + FORMAT.timeChars;
      for (let i = 0; i + width <= records.length; i += width) {
        const at = Number.parseInt(records.slice(i + KEY_CHARS + ID_CHARS, i + width), 36);
        if (!Number.isFinite(at)) continue;
        const key = records.slice(i, i + KEY_CHARS);
        const id = records.slice(i + KEY_CHARS, i + KEY_CHARS + ID_CHARS);
        ledger.log.append(key, id, (base + at) * 1000);
      }
    } else if (stored?.v === 1 && typeof stored.held === "object" && stored.held !== null) {
      // Version 1 (before 0.2.0's single-writer ledger): key -> [SQS message ID, ms].
      for (const [key, entry] of Object.entries(stored.held as Record<string, unknown>)) {
        if (Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "number") {
          ledger.record(key, entry[0], entry[1]);
        }
      }
    }
    return ledger;
  }

  get size(): number {
    return this.log.size;
  }

  /** Who carried `key` when it was last handed over, if it was. */
  carrierOf(key: string): Carrier | undefined {
    const record = this.log.find(digestOf(key, KEY_CHARS));
    return record && { id: record.payload, at: record.at };
  }

  /** Whether `messageId` is the message recorded as the carrier. */
  static carries(carrier: Carrier, messageId: string): boolean {
    return carrier.id === digestOf(messageId, ID_CHARS);
  }

  /** Records that `messageId` carried `key` to a flow at `now` (ms). */
  record(key: string, messageId: string, now: number): void {
    this.log.append(digestOf(key, KEY_CHARS), digestOf(messageId, ID_CHARS), now);
  }

  /** Everything `other` recorded, after this ledger's own records (its records are the newer). */
  absorb(other: IntakeLedger): void {
    this.log.absorb(other.log);
  }

  /** Drops records older than `maxAgeMs` (swept now and then), and the oldest beyond MAX_LEDGER_ENTRIES. */
  prune(now: number, maxAgeMs: number): void {
    this.log.prune(now, { maxAgeMs, maxEntries: MAX_LEDGER_ENTRIES });
  }

  toJSON(): StoredLedger {
    return { v: 3, ...this.log.toStored() };
  }
}

export type QueueDecision =
  | { kind: "hand-over" }
  /** Genuine and done with: a copy of an event another message carries, or nothing for this flow. */
  | { kind: "delete"; why: "duplicate" | "ignored"; detail: string }
  /** Not ours to delete: refused, or not checkable now. It comes back after its visibility timeout. */
  | { kind: "leave"; why: "refused" | "retry"; detail: string };

/** One SQS message of an event, as the decision needs it. */
export interface EventCopy {
  key: string;
  messageId: string;
  /** When SQS received it (SentTimestamp), ms. */
  sentAt: number | null;
  /** When SNS signed it (its Timestamp), or when SES wrote a raw event, ms. */
  signedAt: number | null;
  /** REDRIVE_ATTRIBUTE: the message Redrive Dead-Letter Queue sent this one back for. */
  redriveOf: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What to do with one SQS message of an SES event (see the ledger's comment for why). */
export function decideEvent(copy: EventCopy, ledger: IntakeLedger): QueueDecision {
  const carrier = ledger.carrierOf(copy.key);
  if (!carrier) return { kind: "hand-over" };
  if (IntakeLedger.carries(carrier, copy.messageId)) return { kind: "hand-over" };
  if (copy.redriveOf !== null && IntakeLedger.carries(carrier, copy.redriveOf)) {
    return { kind: "hand-over" };
  }
  const late =
    copy.sentAt !== null && copy.signedAt !== null && copy.sentAt - copy.signedAt > SNS_TO_QUEUE_MS;
  if (late) {
    return {
      kind: "leave",
      why: "refused",
      detail: `a copy of ${copy.key}, handed over at ${iso(carrier.at)}, that reached the queue at ${new Date(copy.sentAt as number).toISOString()}, long after it was signed at ${new Date(copy.signedAt as number).toISOString()}: a re-sent message, or one moved back from the dead-letter queue by something other than Redrive Dead-Letter Queue`,
    };
  }
  return {
    kind: "delete",
    why: "duplicate",
    detail: `a copy of ${copy.key}, which another SQS message carried to a flow at ${iso(carrier.at)}`,
  };
}
