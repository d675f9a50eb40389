import { createHash } from "node:crypto";

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

const KEY_CHARS = 11; // 64 bits of SHA-256: a collision among 100,000 keys is ~3e-10 likely
const ID_CHARS = 6; // 36 bits: enough to tell one carrier from another of the same event
const TIME_CHARS = 6; // seconds after the ledger's base, base 36 (69 years)
const RECORD_CHARS = KEY_CHARS + ID_CHARS + TIME_CHARS;

const digest = (text: string, chars: number) =>
  createHash("sha256").update(text).digest("base64url").slice(0, chars);

interface Carrier {
  /** Digest of the SQS message ID that carried the event. */
  id: string;
  /** When it was handed over, in whole seconds. */
  at: number;
}

/** The stored form: fixed-width records in one string, oldest first. */
export interface StoredLedger {
  v: 2;
  /** Seconds since the epoch that each record's time counts from. */
  base: number;
  records: string;
}

export class IntakeLedger {
  // Insertion order is hand-over order: pruning by age takes from the front.
  private readonly carriers = new Map<string, Carrier>();

  /** The ledger in `value` (this format, or the version-1 hand-over log), or an empty one. */
  static read(value: unknown): IntakeLedger {
    const ledger = new IntakeLedger();
    const stored = value as { v?: number; base?: number; records?: unknown; held?: unknown };
    if (stored?.v === 2 && typeof stored.records === "string" && Number.isFinite(stored.base)) {
      const base = stored.base as number;
      const records = stored.records;
      for (let i = 0; i + RECORD_CHARS <= records.length; i += RECORD_CHARS) {
        const at = Number.parseInt(records.slice(i + KEY_CHARS + ID_CHARS, i + RECORD_CHARS), 36);
        if (!Number.isFinite(at)) continue;
        ledger.carriers.set(records.slice(i, i + KEY_CHARS), {
          id: records.slice(i + KEY_CHARS, i + KEY_CHARS + ID_CHARS),
          at: base + at,
        });
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
    return this.carriers.size;
  }

  /** Who carried `key` when it was last handed over, if it was. */
  carrierOf(key: string): Carrier | undefined {
    return this.carriers.get(digest(key, KEY_CHARS));
  }

  /** Whether `messageId` is the message recorded as the carrier. */
  static carries(carrier: Carrier, messageId: string): boolean {
    return carrier.id === digest(messageId, ID_CHARS);
  }

  /** Records that `messageId` carried `key` to a flow at `now` (ms). */
  record(key: string, messageId: string, now: number): void {
    this.put(digest(key, KEY_CHARS), {
      id: digest(messageId, ID_CHARS),
      at: Math.floor(now / 1000),
    });
  }

  /** Everything `other` recorded, on top of this (its records are the newer). */
  absorb(other: IntakeLedger): void {
    for (const [key, carrier] of other.carriers) this.put(key, carrier);
  }

  /** Sets a record at the end, where the newest are: the order stays by time. */
  private put(keyDigest: string, carrier: Carrier): void {
    this.carriers.delete(keyDigest);
    this.carriers.set(keyDigest, carrier);
  }

  /** Drops records older than `maxAgeMs`, and the oldest beyond MAX_LEDGER_ENTRIES. */
  prune(now: number, maxAgeMs: number): void {
    const oldest = Math.floor((now - maxAgeMs) / 1000);
    let excess = this.carriers.size - MAX_LEDGER_ENTRIES;
    for (const [key, carrier] of this.carriers) {
      if (excess <= 0 && carrier.at >= oldest) break;
      this.carriers.delete(key);
      excess--;
    }
  }

  toJSON(): StoredLedger {
    let base = Number.POSITIVE_INFINITY;
    for (const carrier of this.carriers.values()) base = Math.min(base, carrier.at);
    if (!Number.isFinite(base)) return { v: 2, base: 0, records: "" };
    const records: string[] = [];
    for (const [key, carrier] of this.carriers) {
      records.push(key, carrier.id, (carrier.at - base).toString(36).padStart(TIME_CHARS, "0"));
    }
    return { v: 2, base, records: records.join("") };
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

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

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
