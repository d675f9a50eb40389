import type { BulkRun } from "./bulkSender";
import { decodeCursorText, encodeCursorText, isCount, tallyOf } from "./cursorText";
import { type BulkDestination, parseDestination } from "./destinations";
import type { FeedPosition } from "./feed";
import type { ListFormat } from "./listFile";

/**
 * Where a bulk send from a list file stands across runs. The file is read from `next` on;
 * `carry` holds the items read earlier that still have no final outcome, as read, so they are
 * sent (once) without reading the file from the start. `etag` pins the file's version.
 */
export interface FileResumePoint {
  bucket: string;
  key: string;
  etag: string;
  format: ListFormat;
  next: FeedPosition;
  carry: { index: number; line: number; item: unknown }[];
  /** The whole file has been read (its length is then `next.index`). */
  ended: boolean;
  succeeded: number;
  failed: number;
  unknown: number;
  invalid: number;
  runs: number;
  /** The SES tenant the send is under, from its first run on. */
  tenant?: string;
}

const PREFIX = "bulkfile1.";

export function fileStart(location: {
  bucket: string;
  key: string;
  etag: string;
  format: ListFormat;
  tenant?: string;
}): FileResumePoint {
  return {
    ...location,
    next: { index: 0, offset: 0, line: 0 },
    carry: [],
    ended: false,
    succeeded: 0,
    failed: 0,
    unknown: 0,
    invalid: 0,
    runs: 0,
  };
}

export function encodeFileCursor(point: FileResumePoint): string {
  return encodeCursorText(PREFIX, point);
}

/** Reads a file cursor back, refusing anything that is not one for this very file. */
export function decodeFileCursor(
  label: string,
  text: string,
  location: { bucket: string; key: string },
): FileResumePoint {
  const bad = (why: string): never => {
    throw new Error(
      `${label} is not a cursor of Send Bulk Templated Email for a destinations file (${why}): pass the resumeCursor output of the previous run unchanged.`,
    );
  };
  const point = decodeCursorText<FileResumePoint>(PREFIX, text, bad);
  const next = point?.next;
  const valid =
    typeof point?.etag === "string" &&
    (point.format === "jsonl" || point.format === "csv") &&
    isCount(next?.index) &&
    isCount(next?.offset) &&
    isCount(next?.line ?? 0) &&
    (next.header === undefined ||
      (Array.isArray(next.header) && next.header.every((h) => typeof h === "string"))) &&
    Array.isArray(point.carry) &&
    point.carry.every((c) => isCount(c?.index) && c.index < next.index && isCount(c.line)) &&
    [point.succeeded, point.failed, point.unknown, point.invalid, point.runs].every((n) =>
      isCount(n),
    );
  if (!valid) bad("damaged");
  if (point.bucket !== location.bucket || point.key !== location.key) {
    throw new Error(
      `${label} was made for s3://${point.bucket}/${point.key}, not s3://${location.bucket}/${location.key}: resume with the same destinations file.`,
    );
  }
  return point;
}

/** The carried destinations, validated again as they were when first read. */
export function carriedOf(point: FileResumePoint): BulkDestination[] {
  return point.carry.map(({ index, line, item }) => ({
    ...parseDestination(item, index, `Line ${line}: `),
    source: { line, item },
  }));
}

export const doneOf = (point: FileResumePoint) =>
  point.succeeded + point.failed + point.unknown + point.invalid;

/** Where the send stands after a run over the carried items and the file from `next` on. */
export function advanceFile(point: FileResumePoint, run: BulkRun, ended: boolean): FileResumePoint {
  const tally = tallyOf(run.outcomes);
  return {
    ...point,
    next: { ...point.next, ...run.position },
    carry: run.unfinished.map((destination) => ({
      index: destination.index,
      line: destination.source?.line ?? 0,
      item: destination.source?.item,
    })),
    ended,
    succeeded: point.succeeded + tally.succeeded,
    unknown: point.unknown + tally.unknown,
    failed: point.failed + tally.failed,
    invalid: point.invalid + run.rejected.length,
    runs: point.runs + 1,
  };
}
