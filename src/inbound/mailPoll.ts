import { DigestLog, digestOf, type StoredDigestLog } from "../dedupe/digestLog";

/**
 * Which stored mails a polling trigger has handed over, so each reaches the flow once: a
 * watermark (the newest LastModified handed over) and the keys handed over in the hour before
 * it. S3 lists keys in name order, not by time, and SES names mail after random message IDs, so
 * every poll lists the prefix and takes what is new: objects modified at or after the watermark
 * less LATE_WINDOW_MS that are not among the keys handed over. An object that shows up late in
 * the listing with an earlier LastModified (a long upload) is still taken within that hour.
 *
 * The state goes with the poll's execution: Prismatic saves it only when the execution succeeds,
 * so a failed execution's mails are handed over again by the next poll, and a successful one's
 * never. Pure: the caller loads it from polling state and stores `toJSON()`.
 */

export const LATE_WINDOW_MS = 60 * 60 * 1000;
/** At most this many keys are remembered (far more than an hour of mail at SES's rates). */
const MAX_REMEMBERED_KEYS = 100_000;
// Keys by the first 66 bits of their SHA-256, handed over at the object's LastModified (ms).
const KEY_CHARS = 11;
const FORMAT = { keyChars: KEY_CHARS, payloadChars: 0, timeChars: 8, unitMs: 1 };

export interface ListedMail {
  key: string;
  /** ms since the epoch. */
  lastModified: number;
  size: number;
}

export interface StoredMailPoll {
  v: 1;
  /** The newest LastModified handed over (ms), or null before the first poll. */
  watermark: number | null;
  handedOver: StoredDigestLog;
}

export class MailPoll {
  private constructor(
    private watermarkMs: number | null,
    private readonly handedOver: DigestLog,
  ) {}

  /** The poll state in `value` (taken over and updated in place), or a new one. */
  static read(value: unknown): MailPoll {
    const stored = value as Partial<StoredMailPoll> | null | undefined;
    if (
      stored?.v === 1 &&
      (stored.watermark === null || Number.isSafeInteger(stored.watermark)) &&
      DigestLog.isStored(stored.handedOver)
    ) {
      return new MailPoll(stored.watermark ?? null, new DigestLog(FORMAT, stored.handedOver));
    }
    return new MailPoll(null, new DigestLog(FORMAT));
  }

  /** Whether a poll has run before (set the watermark). */
  get started(): boolean {
    return this.watermarkMs !== null;
  }

  get watermark(): number | null {
    return this.watermarkMs;
  }

  /**
   * The first poll, when mail already in the bucket is not to be handed over: everything listed
   * now counts as handed over, and the watermark starts at `now` (or the newest object, if later).
   */
  startAfter(listed: readonly ListedMail[], now: number): void {
    let watermark = now;
    for (const mail of listed) {
      watermark = Math.max(watermark, mail.lastModified);
      if (mail.lastModified >= now - LATE_WINDOW_MS) this.remember(mail);
    }
    this.watermarkMs = watermark;
  }

  /** The first poll, when mail already in the bucket is to be handed over too. */
  startFromTheBeginning(): void {
    this.watermarkMs = 0;
  }

  /** New mail in `listed`, oldest first (ties by key), not yet handed over. */
  newMail(listed: readonly ListedMail[]): ListedMail[] {
    const from = (this.watermarkMs ?? 0) - LATE_WINDOW_MS;
    return listed
      .filter(
        (mail) =>
          mail.lastModified >= from &&
          this.handedOver.find(digestOf(mail.key, KEY_CHARS)) === undefined,
      )
      .sort(
        (a, b) => a.lastModified - b.lastModified || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );
  }

  /** Records that `mail` was handed over (or reported as unreadable): never again. */
  handOver(mail: ListedMail): void {
    this.remember(mail);
    this.watermarkMs = Math.max(this.watermarkMs ?? 0, mail.lastModified);
  }

  toJSON(): StoredMailPoll {
    // Keys older than the late window before the watermark can never be listed as new again.
    if (this.watermarkMs !== null) {
      this.handedOver.prune(this.watermarkMs, {
        maxAgeMs: LATE_WINDOW_MS,
        maxEntries: MAX_REMEMBERED_KEYS,
      });
    }
    return { v: 1, watermark: this.watermarkMs, handedOver: this.handedOver.toStored() };
  }

  private remember(mail: ListedMail): void {
    this.handedOver.append(digestOf(mail.key, KEY_CHARS), "", mail.lastModified);
  }
}
