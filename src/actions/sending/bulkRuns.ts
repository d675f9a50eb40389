import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import type { SESv2Client, SendBulkEmailCommandInput } from "@aws-sdk/client-sesv2";
import type { ActionLogger } from "@prismatic-io/spectral";
import { type BulkOutcome, type BulkRun, sendBulk } from "../../bulk/bulkSender";
import type { BulkDestination } from "../../bulk/destinations";
import { BulkFeed, type InvalidEntry } from "../../bulk/feed";
import {
  advanceFile,
  carriedOf,
  doneOf,
  encodeFileCursor,
  type FileResumePoint,
  fileStart,
} from "../../bulk/fileResumePoint";
import { type ListFormat, readListFile } from "../../bulk/listFile";
import { progressReporter } from "../../bulk/progressReport";
import {
  advance,
  encodeCursor,
  feedOf,
  type ResumePoint,
  remainingOf,
} from "../../bulk/resumePoint";

/** What every run needs, whatever its list: the SES call, the rate, the clock and the log. */
export interface RunSettings {
  client: SESv2Client;
  request: Omit<SendBulkEmailCommandInput, "BulkEmailEntries">;
  maxSendRate: number;
  startedAt: number;
  deadline: number;
  logger: ActionLogger;
  /** The SES tenant of the send: written into a new send's cursor. */
  tenant?: string;
}

function run(
  settings: RunSettings,
  feed: BulkFeed,
  progress: Parameters<typeof progressReporter>[0],
) {
  return sendBulk(
    feed,
    async (entries) => {
      const { SendBulkEmailCommand } = await import("@aws-sdk/client-sesv2");
      return (
        (
          await settings.client.send(
            new SendBulkEmailCommand({ ...settings.request, BulkEmailEntries: entries }),
          )
        ).BulkEmailEntryResults ?? []
      );
    },
    {
      maxSendRate: settings.maxSendRate,
      deadline: settings.deadline,
      onProgress: progressReporter(progress),
    },
  );
}

const budgetOf = (settings: RunSettings) =>
  Math.round((settings.deadline - settings.startedAt) / 1000);

/** Consecutive indexes as [first, last] ranges: a compact record of many successes. */
export function rangesOf(indexes: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const index of indexes) {
    const last = ranges[ranges.length - 1];
    if (last && index === last[1] + 1) last[1] = index;
    else ranges.push([index, index]);
  }
  return ranges;
}

const invalidOutcome = (invalid: InvalidEntry): BulkOutcome & { line: number | null } => ({
  index: invalid.index,
  line: invalid.line,
  to: [],
  status: "INVALID",
  messageId: null,
  error: invalid.error,
  attempts: 0,
});

/** The action's output for a run, in the one shape both kinds of list share. */
function outputOf(
  settings: RunSettings,
  done: BulkRun,
  summary: {
    complete: boolean;
    cursor: string;
    total: number | null;
    overall: {
      done: number;
      succeeded: number;
      failed: number;
      unknown: number;
      invalid: number;
      runs: number;
    };
    /** Lists from a file report failures only, and successes as index ranges. */
    compact: boolean;
  },
) {
  const { complete, total, overall } = summary;
  const succeeded = done.outcomes.filter((result) => result.status === "SUCCESS");
  const failed = done.outcomes.length - succeeded.length + done.rejected.length;
  settings.logger.info(
    complete
      ? `Bulk send complete: ${overall.succeeded} of ${overall.done} sent, ${overall.failed + overall.invalid} failed or invalid, ${overall.unknown} unknown, over ${overall.runs} run(s).`
      : `Bulk send stopped (${done.stoppedBy === "abort" ? done.abortReason : "time budget used"}): ${overall.done}${total === null ? "" : ` of ${total}`} done, the rest left for the next run.`,
  );
  const results = [
    ...(summary.compact ? done.outcomes.filter((r) => r.status !== "SUCCESS") : done.outcomes),
    ...done.rejected.map(invalidOutcome),
  ].sort((a, b) => a.index - b.index);
  return {
    complete,
    needsAnotherRun: !complete && done.stoppedBy === "budget",
    resumeCursor: complete ? null : summary.cursor,
    stoppedBy: complete ? null : done.stoppedBy,
    abortReason: done.abortReason,
    total,
    maxSendRate: settings.maxSendRate,
    succeeded: succeeded.length,
    failed,
    elapsedSeconds: Math.round((Date.now() - settings.startedAt) / 100) / 10,
    overall: { ...overall, remaining: total === null ? null : total - overall.done },
    results,
    succeededRanges: rangesOf(succeeded.map((result) => result.index)),
  };
}

/** A list given inline (Destinations): validated whole before anything is sent. */
export async function sendInlineList(
  settings: RunSettings,
  destinations: BulkDestination[],
  point: ResumePoint,
) {
  const toGo = remainingOf(point);
  settings.logger.info(
    `Bulk send: ${toGo} of ${point.total} destinations to go${point.runs ? ` (run ${point.runs + 1})` : ""}, at ${settings.maxSendRate}/s, within ${budgetOf(settings)} s.`,
  );
  const done = await run(settings, feedOf(destinations, point), {
    total: point.total,
    doneBefore: point.total - toGo,
    work: toGo,
    deadline: settings.deadline,
    clock: { now: () => Date.now() },
    log: (line) => settings.logger.info(line),
  });
  const after = advance(point, done);
  const overall = {
    done: point.total - remainingOf(after),
    succeeded: after.succeeded,
    failed: after.failed,
    unknown: after.unknown,
    invalid: 0,
    runs: after.runs,
  };
  return outputOf(settings, done, {
    complete: remainingOf(after) === 0,
    cursor: encodeCursor(after),
    total: point.total,
    overall,
    compact: false,
  });
}

const fileChanged = (file: { bucket: string; key: string }, etag: string | undefined) =>
  new Error(
    `s3://${file.bucket}/${file.key} has changed since the first run of this send (its ETag is no longer ${etag}): a cursor only continues the file it started. Start a new send without Resume Cursor (destinations already sent would be sent again), or restore the original file.`,
  );

/** A list in an S3 object, read as a stream from where the last run stopped. */
export async function sendListFile(
  settings: RunSettings,
  s3: S3Client,
  file: { bucket: string; key: string; format: ListFormat },
  resumeFrom: FileResumePoint | undefined,
) {
  const { GetObjectCommand } = await import("@aws-sdk/client-s3");
  let point = resumeFrom;
  const format = point?.format ?? file.format;
  let body: Readable | undefined;
  let size = 0;
  if (!point?.ended) {
    const offset = point?.next.offset ?? 0;
    const object = await s3
      .send(
        new GetObjectCommand({
          Bucket: file.bucket,
          Key: file.key,
          // The very file the first run read, from where it stopped: S3 refuses a changed one.
          IfMatch: point?.etag,
          Range: offset > 0 ? `bytes=${offset}-` : undefined,
        }),
      )
      .catch((error: Error & { $metadata?: { httpStatusCode?: number } }) => {
        const status = error.$metadata?.httpStatusCode;
        if (status === 412) throw fileChanged(file, point?.etag);
        // The last run stopped exactly at the end of the file: nothing is left to read.
        if (status === 416 && offset > 0) return undefined;
        throw error;
      });
    if (object) {
      body = object.Body as Readable;
      // Checked here too: not every S3-compatible store honours If-Match.
      if (point && object.ETag !== point.etag) {
        body?.destroy();
        throw fileChanged(file, point.etag);
      }
      size = offset + (object.ContentLength ?? 0);
      point ??= fileStart({ ...file, etag: object.ETag ?? "", tenant: settings.tenant });
    }
  }
  const started = point as FileResumePoint;
  const doneBefore = doneOf(started);
  settings.logger.info(
    `Bulk send from s3://${file.bucket}/${file.key}: ${doneBefore} done before${started.runs ? ` (run ${started.runs + 1})` : ""}, ${started.carry.length} carried over, reading from line ${(started.next.line ?? 0) + 1}, at ${settings.maxSendRate}/s, within ${budgetOf(settings)} s.`,
  );
  try {
    const entries = body
      ? readListFile(body, format, { ...started.next, line: started.next.line ?? 0 })
      : [];
    const feed = BulkFeed.of(carriedOf(started), entries, started.next);
    const done = await run(settings, feed, {
      total: started.ended ? started.next.index : null,
      fileRead: () => (size ? feed.position.offset / size : 1),
      doneBefore,
      work: Math.ceil(settings.maxSendRate * budgetOf(settings)), // what one run can send
      deadline: settings.deadline,
      clock: { now: () => Date.now() },
      log: (line) => settings.logger.info(line),
    });
    const after = advanceFile(started, done, started.ended || feed.exhausted);
    const total = after.ended ? after.next.index : null;
    return outputOf(settings, done, {
      complete: after.ended && after.carry.length === 0,
      cursor: encodeFileCursor(after),
      total,
      overall: {
        done: doneOf(after),
        succeeded: after.succeeded,
        failed: after.failed,
        unknown: after.unknown,
        invalid: after.invalid,
        runs: after.runs,
      },
      compact: true,
    });
  } finally {
    body?.destroy(); // a run that stopped early does not read the rest
  }
}
