import type { BulkEmailEntry, BulkEmailEntryResult } from "@aws-sdk/client-sesv2";
import { type BulkOutcome, sendBulk } from "../../src/bulk/bulkSender";
import { parseBulkDestinations } from "../../src/bulk/destinations";
import {
  advance,
  decodeCursor,
  encodeCursor,
  feedOf,
  type ResumePoint,
  startOf,
} from "../../src/bulk/resumePoint";

const list = (n: number) =>
  parseBulkDestinations(Array.from({ length: n }, (_, i) => `user${i}@example.com`));
const indexOf = (entry: BulkEmailEntry) =>
  Number(/^user(\d+)@/.exec(entry.Destination?.ToAddresses?.[0] ?? "")?.[1]);
const LATENCY_MS = 40;
const sesError = (name: string, status?: number, code?: string) =>
  Object.assign(new Error(`${name} from the test`), {
    name,
    code,
    $metadata: status === undefined ? undefined : { httpStatusCode: status },
  });

beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 11, 1) }));
afterEach(() => jest.useRealTimers());

/**
 * A local SES under fire: every 5th call throttled, every 11th a 500, every 13th a connection
 * reset after sending (the answer is lost: UNKNOWN), some entries transient. Records what it sent.
 */
function faultySes() {
  const sent = new Map<number, number>();
  let calls = 0;
  const starts: number[] = [];
  const send = async (entries: BulkEmailEntry[]): Promise<BulkEmailEntryResult[]> => {
    calls += 1;
    starts.push(Date.now());
    const number = calls;
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    if (number % 5 === 0) throw sesError("TooManyRequestsException", 429);
    if (number % 11 === 0) throw sesError("InternalFailure", 500);
    const results = entries.map((entry) => {
      const i = indexOf(entry);
      if (i % 17 === 5 && !sent.has(-i)) {
        sent.set(-i, 1); // marks "failed once" without sending
        return { Status: "TRANSIENT_FAILURE" as const, Error: "try again" };
      }
      sent.set(i, (sent.get(i) ?? 0) + 1);
      return { Status: "SUCCESS" as const, MessageId: `m-${i}` };
    });
    if (number % 13 === 0) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    return results;
  };
  return { send, sent: (i: number) => sent.get(i) ?? 0, starts };
}

async function runOnce(
  destinations: ReturnType<typeof list>,
  point: ResumePoint,
  ses: ReturnType<typeof faultySes>,
  budgetMs: number,
) {
  const startedAt = Date.now();
  const deadline = startedAt + budgetMs;
  const done = sendBulk(feedOf(destinations, point), ses.send, {
    maxSendRate: 50,
    deadline,
    random: () => 0.5,
  });
  let result: Awaited<typeof done> | undefined;
  done.then((r) => {
    result = r;
  });
  while (!result) await jest.advanceTimersByTimeAsync(5);
  return { run: result, endedAt: Date.now(), deadline };
}

describe("a bulk send across several runs (time budget + resume cursor)", () => {
  it("gives every destination exactly one final outcome over all runs, sends each success once and never resends an UNKNOWN", async () => {
    const destinations = list(2000); // 40 s of sending at 50/s
    const ses = faultySes();
    let point = startOf(destinations);
    const outcomes: BulkOutcome[] = [];
    const runs: { endedAt: number; deadline: number; lastStart: number }[] = [];
    while (point.succeeded + point.failed + point.unknown < point.total) {
      // The cursor goes through its text form, as it does between executions.
      point = decodeCursor("Resume Cursor", encodeCursor(point), destinations);
      const { run, endedAt, deadline } = await runOnce(destinations, point, ses, 7000);
      outcomes.push(...run.outcomes);
      runs.push({ endedAt, deadline, lastStart: Math.max(...ses.starts) });
      expect(run.stoppedBy === null).toBe(run.unfinished.length === 0);
      point = advance(point, run);
      expect(runs.length).toBeLessThan(20);
    }

    expect(runs.length).toBeGreaterThanOrEqual(6);
    const byIndex = new Map<number, BulkOutcome[]>();
    for (const outcome of outcomes)
      byIndex.set(outcome.index, [...(byIndex.get(outcome.index) ?? []), outcome]);
    expect([...byIndex.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 2000 }, (_, i) => i),
    );
    for (const [index, list] of byIndex) {
      expect(list).toHaveLength(1); // one final outcome over all runs
      const [outcome] = list;
      if (outcome.status === "SUCCESS") expect(ses.sent(index)).toBe(1);
      if (outcome.status === "UNKNOWN") expect(ses.sent(index)).toBeLessThanOrEqual(1);
    }
    const unknown = outcomes.filter((o) => o.status === "UNKNOWN");
    expect(unknown.length).toBeGreaterThan(0);
    expect(point).toMatchObject({
      succeeded: 2000 - unknown.length - point.failed,
      unknown: unknown.length,
      runs: runs.length,
    });
    for (const run of runs) {
      // No call starts after the deadline, and the run ends within one call of it.
      expect(run.lastStart).toBeLessThan(run.deadline);
      expect(run.endedAt).toBeLessThanOrEqual(run.deadline + LATENCY_MS + 10);
    }
  });

  it("returns at the deadline instead of waiting out the pacing (a slow rate, a short budget)", async () => {
    const destinations = list(100);
    const ses = faultySes();
    // 1 per second: the second call is due at 1 s, after the 300 ms budget.
    const startedAt = Date.now();
    const done = sendBulk(destinations, ses.send, { maxSendRate: 1, deadline: startedAt + 300 });
    await jest.advanceTimersByTimeAsync(LATENCY_MS + 1);
    const run = await done;
    expect(Date.now() - startedAt).toBeLessThanOrEqual(LATENCY_MS + 1);
    expect(run.outcomes).toHaveLength(1);
    expect(run.unfinished).toHaveLength(0);
    expect(run.position.index).toBe(1); // the other 99 were never taken
    expect(run.stoppedBy).toBe("budget");
  });
});

describe("the resume cursor", () => {
  const destinations = list(10);

  it("refuses another list, another length or a damaged cursor, before anything is sent", () => {
    const cursor = encodeCursor(startOf(destinations));
    expect(() => decodeCursor("Resume Cursor", cursor, list(11))).toThrow(
      /made for a list of 10 destinations, but Destinations has 11/,
    );
    const other = parseBulkDestinations(
      Array.from({ length: 10 }, (_, i) => `other${i}@example.com`),
    );
    expect(() => decodeCursor("Resume Cursor", cursor, other)).toThrow(
      /made for another Destinations list/,
    );
    for (const damaged of ["", "bulk1.!!!", "hello", `${cursor.slice(0, -4)}AAAA`, "bulk1.e30"]) {
      expect(() => decodeCursor("Resume Cursor", damaged, destinations)).toThrow(/Resume Cursor/);
    }
    const point = { ...startOf(destinations), next: 4, carry: [5] }; // carry must lie before next
    expect(() => decodeCursor("Resume Cursor", encodeCursor(point), destinations)).toThrow(
      /damaged/,
    );
  });

  it("moves past what has an outcome and carries what SES did not send", async () => {
    const point = startOf(destinations);
    const outcome = (index: number, status = "SUCCESS") => ({
      index,
      to: [],
      status,
      messageId: null,
      error: null,
      attempts: 1,
    });
    const after = advance(point, {
      outcomes: [outcome(0), outcome(1), outcome(2, "MESSAGE_REJECTED"), outcome(4, "UNKNOWN")],
      unfinished: [destinations[3]],
      rejected: [],
      position: { index: 5, offset: 0 },
      stoppedBy: "budget",
      abortReason: null,
    });
    expect(after).toMatchObject({
      next: 5,
      carry: [3],
      succeeded: 2,
      failed: 1,
      unknown: 1,
      runs: 1,
    });
    const feed = feedOf(destinations, after);
    await feed.refill();
    expect(feed.take(10).map((d) => d.index)).toEqual([3, 5, 6, 7, 8, 9]); // carried first
  });
});
