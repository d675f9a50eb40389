import { createHash } from "node:crypto";

/**
 * The store under every duplicate log (the webhook triggers' delivery log, the SQS trigger's
 * ledger): key digest -> a short payload and a time, with constant work per event however many
 * it holds, and a stored form the platform can save and load cheaply.
 *
 * Records are fixed-width text (key digest, payload, time in base 36 after `base`), appended to
 * one of 64 bucket strings chosen by the digest's first character, so each bucket is in time
 * order and is pruned from its front. A lookup searches one bucket (a 64th of the log, with the
 * engine's native string search); an append is a string concatenation; nothing is copied or
 * re-encoded per event. The stored form is the 64 strings themselves: saving and loading them is
 * about a sixth of the cost of a JSON object with a key per event (measured at 2,000 entries), and
 * the platform saves state whole on every execution.
 * Pure: the caller loads it from state and stores `toStored()`.
 */

export interface RecordFormat {
  /** Characters of each key's digest (base64url of SHA-256). */
  keyChars: number;
  payloadChars: number;
  /** Characters of the time after `base`, base 36. */
  timeChars: number;
  /** What one unit of stored time is, in ms (1 or 1000). */
  unitMs: number;
}

export interface StoredDigestLog {
  /** Time (in the format's units since the epoch) that each record's time counts from. */
  base: number;
  buckets: string[];
}

export interface DigestRecord {
  payload: string;
  /** ms since the epoch (to the format's unit). */
  at: number;
}

const BUCKETS = 64;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BUCKET_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) BUCKET_OF[ALPHABET.charCodeAt(i)] = i;

/** The first `chars` characters of the SHA-256 of `text`, base64url. */
export const digestOf = (text: string, chars: number) =>
  createHash("sha256").update(text).digest("base64url").slice(0, chars);

export class DigestLog {
  private readonly recordChars: number;
  private readonly maxTime: number;
  private buckets: string[];
  private base: number;
  private count: number;

  constructor(
    private readonly format: RecordFormat,
    stored?: StoredDigestLog,
  ) {
    this.recordChars = format.keyChars + format.payloadChars + format.timeChars;
    this.maxTime = 36 ** format.timeChars - 1;
    this.buckets = new Array<string>(BUCKETS).fill("");
    this.base = 0;
    this.count = 0;
    if (stored) this.load(stored);
  }

  /** Whether `value` is this store's stored form (64 strings and a base). */
  static isStored(value: unknown): value is StoredDigestLog {
    const stored = value as Partial<StoredDigestLog> | null | undefined;
    return (
      Number.isSafeInteger(stored?.base) &&
      Array.isArray(stored?.buckets) &&
      stored.buckets.length === BUCKETS &&
      stored.buckets.every((bucket) => typeof bucket === "string")
    );
  }

  get size(): number {
    return this.count;
  }

  /** The newest record of `keyDigest`, if there is one. */
  find(keyDigest: string): DigestRecord | undefined {
    const bucket = this.buckets[this.bucketOf(keyDigest)];
    let at = bucket.lastIndexOf(keyDigest);
    // A match that does not start a record straddles two records: look further back.
    while (at > 0 && at % this.recordChars !== 0) at = bucket.lastIndexOf(keyDigest, at - 1);
    if (at < 0 || at % this.recordChars !== 0) return undefined;
    const { keyChars, payloadChars } = this.format;
    return {
      payload: bucket.slice(at + keyChars, at + keyChars + payloadChars),
      at: this.timeAt(bucket, at),
    };
  }

  /** Adds a record at the end of its bucket; a key recorded before is found at its newest. */
  append(keyDigest: string, payload: string, atMs: number): void {
    if (keyDigest.length !== this.format.keyChars || payload.length !== this.format.payloadChars) {
      throw new Error("A duplicate-log record has the wrong width.");
    }
    const units = Math.floor(atMs / this.format.unitMs);
    if (this.count === 0) this.base = units;
    if (units - this.base > this.maxTime) this.rebase(units);
    this.put(keyDigest, payload, units);
  }

  private put(keyDigest: string, payload: string, units: number): void {
    // A clock that stepped back is recorded at the base: kept a little longer, never lost.
    const time = Math.max(0, units - this.base);
    this.buckets[this.bucketOf(keyDigest)] +=
      keyDigest + payload + time.toString(36).padStart(this.format.timeChars, "0");
    this.count++;
  }

  /** Drops records older than `oldestMs`, then the oldest beyond `maxEntries`. */
  prune(oldestMs: number, maxEntries: number): void {
    const oldest = Math.floor(oldestMs / this.format.unitMs);
    for (let index = 0; index < BUCKETS; index++) {
      const bucket = this.buckets[index];
      let cut = 0;
      while (cut < bucket.length && this.unitsAt(bucket, cut) < oldest) cut += this.recordChars;
      if (cut > 0) this.dropFront(index, cut);
    }
    while (this.count > maxEntries) {
      let oldestIndex = -1;
      let oldestUnits = Number.POSITIVE_INFINITY;
      for (let index = 0; index < BUCKETS; index++) {
        const bucket = this.buckets[index];
        if (bucket.length === 0) continue;
        const units = this.unitsAt(bucket, 0);
        if (units < oldestUnits) {
          oldestUnits = units;
          oldestIndex = index;
        }
      }
      this.dropFront(oldestIndex, this.recordChars);
    }
  }

  /** Every record of `other` appended after this log's own (theirs are the newer). */
  absorb(other: DigestLog): void {
    for (let index = 0; index < BUCKETS; index++) {
      const bucket = other.buckets[index];
      for (let at = 0; at < bucket.length; at += other.recordChars) {
        const key = bucket.slice(at, at + this.format.keyChars);
        const payload = bucket.slice(
          at + this.format.keyChars,
          at + this.format.keyChars + this.format.payloadChars,
        );
        this.append(key, payload, other.timeAt(bucket, at));
      }
    }
  }

  toStored(): StoredDigestLog {
    return { base: this.count === 0 ? 0 : this.base, buckets: this.buckets };
  }

  private load(stored: StoredDigestLog): void {
    this.base = stored.base;
    // A damaged bucket keeps its whole records only.
    this.buckets = stored.buckets.map((bucket) =>
      bucket.slice(0, bucket.length - (bucket.length % this.recordChars)),
    );
    for (const bucket of this.buckets) this.count += bucket.length / this.recordChars;
  }

  private bucketOf(keyDigest: string): number {
    const index = BUCKET_OF[keyDigest.charCodeAt(0)] ?? -1;
    if (index < 0) throw new Error("A duplicate-log key must be a base64url digest.");
    return index;
  }

  private unitsAt(bucket: string, at: number): number {
    const start = at + this.format.keyChars + this.format.payloadChars;
    const time = Number.parseInt(bucket.slice(start, start + this.format.timeChars), 36);
    // An unreadable time (damaged state) counts as the oldest, so it is pruned first.
    return Number.isFinite(time) ? this.base + time : Number.NEGATIVE_INFINITY;
  }

  private timeAt(bucket: string, at: number): number {
    return this.unitsAt(bucket, at) * this.format.unitMs;
  }

  private dropFront(index: number, chars: number): void {
    this.buckets[index] = this.buckets[index].slice(chars);
    this.count -= chars / this.recordChars;
  }

  /**
   * Moves the base so `units` fits (once in decades: the time field spans 69 years in seconds,
   * 89 in ms); records older than the new base are dropped.
   */
  private rebase(units: number): void {
    const records: [string, string, number][] = [];
    const { keyChars, payloadChars } = this.format;
    for (const bucket of this.buckets) {
      for (let at = 0; at < bucket.length; at += this.recordChars) {
        const key = bucket.slice(at, at + keyChars);
        records.push([
          key,
          bucket.slice(at + keyChars, at + keyChars + payloadChars),
          this.unitsAt(bucket, at),
        ]);
      }
    }
    this.buckets.fill("");
    this.count = 0;
    this.base = units - Math.floor(this.maxTime / 2);
    for (const [key, payload, at] of records) {
      if (at >= this.base) this.put(key, payload, at);
    }
  }
}
