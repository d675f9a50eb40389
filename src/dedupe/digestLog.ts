import { createHash } from "node:crypto";

/**
 * The store under every duplicate log (the webhook triggers' delivery log, the SQS trigger's
 * ledger): key digest -> a short payload and a time, with constant work per event however many
 * it holds, and a stored form the platform saves and loads cheaply.
 *
 * Records are fixed-width text (key digest, payload, time in base 36 after `base`) appended to
 * one of 64 to 4,096 bucket strings chosen by the digest's first bits, so each bucket is in time
 * order and is pruned from its front. The buckets double (each splits in two, in order) whenever
 * they average more than 32 records, so a lookup searches about 32 records whatever the size; an
 * append is a string concatenation; nothing is copied or re-encoded per event. Old records are
 * swept from every bucket at most every sixteenth of the age limit, and beyond the size bound the
 * oldest twentieth goes in one sweep, so sweeps and splits cost a constant amount per event on
 * average. The stored form is an array of strings (cheap to save and load as JSON, unlike an
 * object with a key per bucket or event), updated in place: the log takes ownership of it.
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
  /** When old records were last swept from every bucket (units). */
  swept: number;
  /** How many records the buckets hold. */
  count: number;
  /** 64 to 4,096 (a power of two) strings of records, oldest first, by the digest's first bits. */
  buckets: string[];
}

export interface DigestRecord {
  payload: string;
  /** ms since the epoch (to the format's unit). */
  at: number;
}

const MIN_BUCKETS = 64;
const MAX_BUCKETS = 4096; // the first two base64url characters' 12 bits
/** Buckets split in two when they hold this many records on average. */
const SPLIT_AT = 32;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SIXTY_FOUR = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SIXTY_FOUR[ALPHABET.charCodeAt(i)] = i;
/** Beyond the size bound, the oldest this fraction of it goes in one sweep. */
const CAP_SWEEP = 0.05;
/** Old records are swept at most once per this fraction of the age limit. */
const AGE_SWEEP = 1 / 16;

/** The digest's first 12 bits, or -1 if it does not start with two base64url characters. */
function topBits(keyDigest: string): number {
  const high = SIXTY_FOUR[keyDigest.charCodeAt(0)] ?? -1;
  const low = SIXTY_FOUR[keyDigest.charCodeAt(1)] ?? -1;
  return high < 0 || low < 0 ? -1 : (high << 6) | low;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** The first `chars` characters of the SHA-256 of `text`, base64url. */
export const digestOf = (text: string, chars: number) =>
  createHash("sha256").update(text).digest("base64url").slice(0, chars);

export class DigestLog {
  private readonly recordChars: number;
  private readonly maxTime: number;
  private readonly stored: StoredDigestLog;

  /** A log on `stored` (taken over and updated in place), or an empty one. */
  constructor(
    private readonly format: RecordFormat,
    stored?: StoredDigestLog,
  ) {
    this.recordChars = format.keyChars + format.payloadChars + format.timeChars;
    this.maxTime = 36 ** format.timeChars - 1;
    this.stored = stored ?? {
      base: 0,
      swept: 0,
      count: 0,
      buckets: new Array<string>(MIN_BUCKETS).fill(""),
    };
  }

  /** Whether `value` has this store's stored form. */
  static isStored(value: unknown): value is StoredDigestLog {
    const stored = value as Partial<StoredDigestLog> | null | undefined;
    const buckets = stored?.buckets;
    return (
      Number.isSafeInteger(stored?.base) &&
      Number.isSafeInteger(stored?.swept) &&
      Number.isSafeInteger(stored?.count) &&
      (stored?.count as number) >= 0 &&
      Array.isArray(buckets) &&
      isPowerOfTwo(buckets.length) &&
      buckets.length >= MIN_BUCKETS &&
      buckets.length <= MAX_BUCKETS
    );
  }

  get size(): number {
    return this.stored.count;
  }

  /** The newest record of `keyDigest`, if there is one. */
  find(keyDigest: string): DigestRecord | undefined {
    const index = this.indexOf(keyDigest);
    if (index < 0) return undefined;
    const bucket = this.bucket(index);
    let at = bucket.lastIndexOf(keyDigest);
    // A match that does not start a record straddles two records: look further back.
    while (at > 0 && at % this.recordChars !== 0) at = bucket.lastIndexOf(keyDigest, at - 1);
    if (at < 0 || at % this.recordChars !== 0) return undefined;
    const payloadAt = at + this.format.keyChars;
    return {
      payload: bucket.slice(payloadAt, payloadAt + this.format.payloadChars),
      at: this.unitsAt(bucket, at) * this.format.unitMs,
    };
  }

  /** Adds a record at the end of its bucket; a key recorded before is found at its newest. */
  append(keyDigest: string, payload: string, atMs: number): void {
    if (
      keyDigest.length !== this.format.keyChars ||
      payload.length !== this.format.payloadChars ||
      topBits(keyDigest) < 0
    ) {
      throw new Error(
        "A duplicate-log record must be a base64url digest and payload of its width.",
      );
    }
    const units = Math.floor(atMs / this.format.unitMs);
    if (this.stored.count === 0) {
      this.stored.base = units;
      this.stored.swept = units;
    }
    if (units - this.stored.base > this.maxTime) this.rebase(units);
    this.put(keyDigest + payload, units);
    const buckets = this.stored.buckets.length;
    if (this.stored.count > buckets * SPLIT_AT && buckets < MAX_BUCKETS) this.split();
  }

  /**
   * Keeps the log within its limits at `now`: records older than `maxAgeMs` are swept out (at
   * most every sixteenth of it, so some may stay a little longer), and beyond `maxEntries` the
   * oldest go, down to 95% of it.
   */
  prune(now: number, limits: { maxAgeMs: number; maxEntries: number }): void {
    const units = Math.floor(now / this.format.unitMs);
    const every = Math.max(1, Math.floor((limits.maxAgeMs * AGE_SWEEP) / this.format.unitMs));
    if (units - this.stored.swept >= every) {
      this.dropOlderThan(Math.floor((now - limits.maxAgeMs) / this.format.unitMs), 0);
      this.stored.swept = units;
    }
    if (this.stored.count > limits.maxEntries) {
      const keep = Math.floor(limits.maxEntries * (1 - CAP_SWEEP));
      this.dropOldest(this.stored.count - keep);
    }
  }

  /** Every record of `other` appended after this log's own (theirs are the newer). */
  absorb(other: DigestLog): void {
    for (let index = 0; index < other.stored.buckets.length; index++) {
      const bucket = other.bucket(index);
      for (let at = 0; at < bucket.length; at += other.recordChars) {
        const units = other.unitsAt(bucket, at);
        if (!Number.isFinite(units)) continue;
        const record = bucket.slice(at, at + this.recordChars - this.format.timeChars);
        this.append(
          record.slice(0, this.format.keyChars),
          record.slice(this.format.keyChars),
          units * this.format.unitMs,
        );
      }
    }
  }

  toStored(): StoredDigestLog {
    return this.stored;
  }

  /** The bucket index of a digest: its first log2(buckets) bits. */
  private indexOf(keyDigest: string): number {
    const bits = topBits(keyDigest);
    return bits < 0 ? -1 : bits >> (12 - Math.log2(this.stored.buckets.length));
  }

  private bucket(index: number): string {
    const bucket = this.stored.buckets[index];
    // A damaged bucket keeps its whole records only.
    if (typeof bucket !== "string") return "";
    return bucket.length % this.recordChars === 0
      ? bucket
      : bucket.slice(0, bucket.length - (bucket.length % this.recordChars));
  }

  /** Appends `record` (digest + payload) with its time to its bucket. */
  private put(record: string, units: number): void {
    // A clock that stepped back is recorded at the base: kept a little longer, never lost.
    const time = Math.max(0, units - this.stored.base);
    const index = this.indexOf(record);
    this.stored.buckets[index] =
      this.bucket(index) + record + time.toString(36).padStart(this.format.timeChars, "0");
    this.stored.count++;
  }

  /** Twice the buckets: each splits by the digest's next bit, each half still in time order. */
  private split(): void {
    const old = this.stored.buckets;
    const buckets = new Array<string>(old.length * 2).fill("");
    this.stored.buckets = buckets;
    for (let index = 0; index < old.length; index++) {
      const bucket = typeof old[index] === "string" ? old[index] : "";
      const parts = ["", ""];
      for (let at = 0; at + this.recordChars <= bucket.length; at += this.recordChars) {
        const record = bucket.slice(at, at + this.recordChars);
        parts[this.indexOf(record) & 1] += record;
      }
      buckets[index * 2] = parts[0];
      buckets[index * 2 + 1] = parts[1];
    }
  }

  private unitsAt(bucket: string, at: number): number {
    const start = at + this.recordChars - this.format.timeChars;
    const time = Number.parseInt(bucket.slice(start, start + this.format.timeChars), 36);
    // An unreadable time (damaged state) counts as the oldest, so it is pruned first.
    return Number.isFinite(time) ? this.stored.base + time : Number.NEGATIVE_INFINITY;
  }

  /**
   * Drops, from every bucket's front, records older than `oldest` units, then up to `ties`
   * records of exactly `oldest`.
   */
  private dropOlderThan(oldest: number, ties: number): void {
    let tiesLeft = ties;
    let count = 0;
    const buckets = this.stored.buckets;
    for (let index = 0; index < buckets.length; index++) {
      const bucket = this.bucket(index);
      let cut = 0;
      while (cut < bucket.length) {
        const units = this.unitsAt(bucket, cut);
        if (units < oldest) cut += this.recordChars;
        else if (units === oldest && tiesLeft > 0) {
          cut += this.recordChars;
          tiesLeft--;
        } else break;
      }
      const rest = bucket.slice(cut);
      buckets[index] = rest;
      count += rest.length / this.recordChars;
    }
    this.stored.count = count;
  }

  /** Drops the `excess` oldest records (one pass to find the cut-off time, one to cut). */
  private dropOldest(excess: number): void {
    const times: number[] = [];
    for (let index = 0; index < this.stored.buckets.length; index++) {
      const bucket = this.bucket(index);
      for (let at = 0; at < bucket.length; at += this.recordChars) {
        times.push(this.unitsAt(bucket, at));
      }
    }
    if (excess <= 0 || times.length === 0) return;
    times.sort((a, b) => a - b);
    const cutoff = times[Math.min(excess, times.length) - 1];
    const older = times.findIndex((units) => units >= cutoff);
    this.dropOlderThan(cutoff, Math.min(excess, times.length) - Math.max(older, 0));
  }

  /**
   * Moves the base so `units` fits (once in decades: the time field spans 69 years in seconds,
   * 89 in ms); records older than the new base are dropped.
   */
  private rebase(units: number): void {
    const newBase = units - Math.floor(this.maxTime / 2);
    this.dropOlderThan(newBase, 0);
    const buckets = this.stored.buckets;
    const timeAt = this.recordChars - this.format.timeChars;
    for (let index = 0; index < buckets.length; index++) {
      const bucket = this.bucket(index);
      let rebased = "";
      // Times are read against the old base (set below, once every record is rewritten).
      for (let at = 0; at < bucket.length; at += this.recordChars) {
        rebased +=
          bucket.slice(at, at + timeAt) +
          (this.unitsAt(bucket, at) - newBase).toString(36).padStart(this.format.timeChars, "0");
      }
      buckets[index] = rebased;
    }
    this.stored.base = newBase;
  }
}
