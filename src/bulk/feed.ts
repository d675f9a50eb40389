import type { BulkDestination } from "./destinations";

/** A line of a list that could not be made into a destination: it gets its own outcome. */
export interface InvalidEntry {
  index: number;
  /** The line in the source file (1-based), when the list came from a file. */
  line: number | null;
  error: string;
}

/** One item of a list, valid or not, and where the list continues after it. */
export type FeedEntry =
  | { destination: BulkDestination; next: FeedPosition }
  | { invalid: InvalidEntry; next: FeedPosition };

/**
 * Where the list continues: the next item's ordinal; for a file, also its byte offset, the line
 * before it, and (CSV) the header's column names, so a later run can start reading right there.
 */
export interface FeedPosition {
  index: number;
  offset: number;
  line?: number;
  header?: string[];
}

const LOW_WATER = 500;
/** More invalid lines than this in one run stop it: the file is broken, not a few lines. */
export const MAX_REJECTED_PER_RUN = 1000;
const HIGH_WATER = 2000;

/**
 * The destinations of one run, in order: those carried over from an earlier run first, then the
 * list from `start` on, read ahead a little (a list streamed from S3 never sits in memory whole).
 * `take` is synchronous so that the sender can check the rate and book a call without another
 * sender slipping in between; `refill` waits for more.
 */
export class BulkFeed {
  private readonly buffer: FeedEntry[] = [];
  private carried: BulkDestination[];
  private ended = false;
  private reading: Promise<void> | null = null;
  /** Why reading the list failed, if it did; what was not taken stays for a later run. */
  error: Error | null = null;
  /** Invalid items taken from the list: each is its own final outcome. */
  readonly rejected: InvalidEntry[] = [];
  /** Where the list continues: the first item not taken. */
  position: FeedPosition;

  private constructor(
    carried: BulkDestination[],
    private readonly source: AsyncIterator<FeedEntry> | Iterator<FeedEntry>,
    start: FeedPosition,
  ) {
    this.carried = [...carried];
    this.position = start;
  }

  static of(
    carried: BulkDestination[],
    source: AsyncIterable<FeedEntry> | Iterable<FeedEntry>,
    start: FeedPosition,
  ): BulkFeed {
    const iterator =
      Symbol.asyncIterator in source
        ? (source as AsyncIterable<FeedEntry>)[Symbol.asyncIterator]()
        : (source as Iterable<FeedEntry>)[Symbol.iterator]();
    const feed = new BulkFeed(carried, iterator, start);
    void feed.refill();
    return feed;
  }

  /** A list held in memory, from `start` on. */
  static ofArray(
    destinations: BulkDestination[],
    carried: BulkDestination[] = [],
    start = 0,
  ): BulkFeed {
    function* entries(): Iterable<FeedEntry> {
      for (let i = start; i < destinations.length; i++) {
        yield { destination: destinations[i], next: { index: i + 1, offset: 0 } };
      }
    }
    return BulkFeed.of(carried, entries(), { index: start, offset: 0 });
  }

  /** Up to `max` destinations, now: the carried ones first, then the list in order. */
  take(max: number): BulkDestination[] {
    const taken = this.carried.splice(0, max);
    while (taken.length < max && this.buffer.length > 0 && !this.error) {
      const entry = this.buffer.shift() as FeedEntry;
      this.position = entry.next;
      if ("invalid" in entry) {
        this.rejected.push(entry.invalid);
        // A file that is mostly broken is stopped, not worked through line by line.
        if (this.rejected.length >= MAX_REJECTED_PER_RUN) {
          this.error = new Error(
            `${MAX_REJECTED_PER_RUN} invalid lines in this run (the last: ${entry.invalid.error}); fix the file and start again.`,
          );
        }
      } else taken.push(entry.destination);
    }
    if (this.buffer.length < LOW_WATER) void this.refill();
    return taken;
  }

  /** Nothing more will come: all carried taken, the list read to its end (or failed) and taken. */
  get done(): boolean {
    return !!this.error || (this.carried.length === 0 && this.buffer.length === 0 && this.ended);
  }

  /** Carried destinations not taken yet. */
  get carriedLeft(): BulkDestination[] {
    return [...this.carried];
  }

  /** Whether the whole list has been taken (read to its end without error, nothing buffered). */
  get exhausted(): boolean {
    return this.ended && this.buffer.length === 0;
  }

  /** Resolves once more entries are buffered, or the list has ended or failed. */
  refill(): Promise<void> {
    if (this.ended || this.error) return Promise.resolve();
    this.reading ??= (async () => {
      try {
        while (this.buffer.length < HIGH_WATER) {
          const next = await this.source.next();
          if (next.done) {
            this.ended = true;
            return;
          }
          this.buffer.push(next.value);
        }
      } catch (error) {
        this.error = error instanceof Error ? error : new Error(String(error));
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }
}
