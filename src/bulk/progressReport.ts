import type { BulkProgress } from "./bulkSender";
import type { Clock } from "./pacer";

const number = (n: number) => Math.round(n).toLocaleString("en-US");

/** "1 h 5 min", "4 min 10 s", "12 s". */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds >= 3600)
    return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
  if (seconds >= 60) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${seconds} s`;
}

/**
 * Progress lines for a long bulk send, at a steady pace: whenever another tenth of this run's
 * work is done or `everyMs` has passed, whichever comes first. Each says what is done over the
 * whole list, the rate, what is left, and how long that takes against the time budget.
 */
export function progressReporter(options: {
  /** The list's length; null for a file not yet read to its end. */
  total: number | null;
  /** For a file: the share of it read so far, 0 to 1. */
  fileRead?: () => number;
  /** Destinations that had a final outcome before this run. */
  doneBefore: number;
  /** Destinations this run works on. */
  work: number;
  deadline: number;
  clock: Pick<Clock, "now">;
  log: (line: string) => void;
  everyMs?: number;
}) {
  const { total, doneBefore, work, deadline, clock, log } = options;
  const everyMs = options.everyMs ?? 30_000;
  const startedAt = clock.now();
  const step = Math.max(1, Math.ceil(work / 10));
  let lastAt = startedAt;
  let lastSettled = 0;
  return (progress: BulkProgress) => {
    const now = clock.now();
    const crossedTenth = Math.floor(progress.settled / step) > Math.floor(lastSettled / step);
    if (!crossedTenth && now - lastAt < everyMs) return;
    lastAt = now;
    lastSettled = progress.settled;
    const elapsed = Math.max(1, now - startedAt);
    const rate = (progress.settled / elapsed) * 1000;
    const failed = progress.settled - progress.succeeded;
    const done = number(doneBefore + progress.settled);
    const budget = `${duration(deadline - now)} of the time budget left`;
    const head = `(this run ${number(progress.succeeded)} sent, ${number(failed)} not), ${rate.toFixed(1)}/s`;
    if (total === null) {
      const read = Math.round((options.fileRead?.() ?? 0) * 100);
      log(`Bulk send: ${done} done ${head}; ${read}% of the file read; ${budget}.`);
      return;
    }
    const left = total - doneBefore - progress.settled;
    const finish = rate > 0 ? duration((left / rate) * 1000) : "unknown";
    log(
      `Bulk send: ${done} of ${number(total)} done ${head}; ${number(left)} left, about ${finish} at this rate; ${budget}.`,
    );
  };
}
