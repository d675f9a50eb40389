import { createHash } from "node:crypto";
import type { BulkRun } from "./bulkSender";
import { decodeCursorText, encodeCursorText, isCount, tallyOf } from "./cursorText";
import type { BulkDestination } from "./destinations";
import { BulkFeed } from "./feed";

/**
 * Where a bulk send across several runs stands. Every index from `next` on has never been
 * attempted; `carry` lists the earlier ones that still have no final outcome (SES said it did
 * not send them, or the run stopped before reaching them). Everything else has its outcome.
 */
export interface ResumePoint {
  list: string;
  total: number;
  next: number;
  carry: number[];
  /** Final outcomes so far, over all runs. */
  succeeded: number;
  failed: number;
  unknown: number;
  runs: number;
  /** The SES tenant the send is under, from its first run on. */
  tenant?: string;
}

const PREFIX = "bulk1.";

/** A short fingerprint of the destinations, so a cursor is never applied to another list. */
export function listFingerprint(destinations: BulkDestination[]): string {
  const hash = createHash("sha256");
  for (const destination of destinations)
    hash.update(JSON.stringify(destination.entry)).update("\n");
  return hash.digest("base64url").slice(0, 22);
}

export function startOf(destinations: BulkDestination[]): ResumePoint {
  return {
    list: listFingerprint(destinations),
    total: destinations.length,
    next: 0,
    carry: [],
    succeeded: 0,
    failed: 0,
    unknown: 0,
    runs: 0,
  };
}

/** The cursor a flow passes from one run to the next: opaque text. */
export function encodeCursor(point: ResumePoint): string {
  return encodeCursorText(PREFIX, point);
}

/** Reads a cursor back, refusing anything this component did not write for this very list. */
export function decodeCursor(
  label: string,
  text: string,
  destinations: BulkDestination[],
): ResumePoint {
  const bad = (why: string): never => {
    throw new Error(
      `${label} is not a cursor of Send Bulk Templated Email (${why}): pass the resumeCursor output of the previous run unchanged.`,
    );
  };
  const point = decodeCursorText<ResumePoint>(PREFIX, text, bad);
  const total = destinations.length;
  const valid =
    point !== null &&
    typeof point === "object" &&
    typeof point.list === "string" &&
    point.total === total &&
    isCount(point.next, total) &&
    Array.isArray(point.carry) &&
    point.carry.every(
      (index, i) => isCount(index, point.next - 1) && (i === 0 || index > point.carry[i - 1]),
    ) &&
    [point.succeeded, point.failed, point.unknown, point.runs].every((n) => isCount(n));
  if (!valid) {
    if (point && typeof point === "object" && point.total !== total) {
      throw new Error(
        `${label} was made for a list of ${Number(point.total)} destinations, but Destinations has ${total}: resume with the same list the first run had.`,
      );
    }
    bad("damaged");
  }
  if (point.list !== listFingerprint(destinations)) {
    throw new Error(
      `${label} was made for another Destinations list (same length, other content): resume with exactly the list the first run had, or clear ${label} to start a new send.`,
    );
  }
  return point;
}

/** What this run works on: the carried destinations first, then the untouched rest. */
export function feedOf(destinations: BulkDestination[], point: ResumePoint): BulkFeed {
  return BulkFeed.ofArray(
    destinations,
    point.carry.map((index) => destinations[index]),
    point.next,
  );
}

/** How many destinations have no final outcome yet. */
export const remainingOf = (point: ResumePoint) =>
  point.total - point.succeeded - point.failed - point.unknown;

/** Where the send stands after a run over `feedOf(point)` ended as `run` says. */
export function advance(point: ResumePoint, run: BulkRun): ResumePoint {
  const tally = tallyOf(run.outcomes);
  return {
    ...point,
    next: run.position.index,
    carry: run.unfinished.map((destination) => destination.index),
    succeeded: point.succeeded + tally.succeeded,
    unknown: point.unknown + tally.unknown,
    failed: point.failed + tally.failed + run.rejected.length,
    runs: point.runs + 1,
  };
}
