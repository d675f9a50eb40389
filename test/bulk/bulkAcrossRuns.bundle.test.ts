import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { bulkSendParams } from "../helpers/bulkParams";
import { bundledComponent, bundledHarness } from "../helpers/bundle";
import { TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { startRateLimitedSes } from "../helpers/rateLimitedSes";

// Issue 13, in real time against a rate-limited local SES, through the built bundle: a list that
// needs several time budgets is sent over several runs, each continuing from the last one's
// cursor, as a flow looping on the action (or a Recursive Flow) does.
jest.setTimeout(60_000); // real time: each run takes its whole budget of 5 s
const harness = bundledHarness();
const connection = createConnection(bundledComponent().connections?.[0] as never, {
  accessKeyId: TEST_KEY_ID,
  secretAccessKey: TEST_SECRET,
});
const RATE = 40;
const BUDGET_SECONDS = 5; // the shortest budget the action takes

type Run = {
  complete: boolean;
  needsAnotherRun: boolean;
  resumeCursor: string | null;
  overall: { done: number; succeeded: number; runs: number };
  results: { index: number; status: string; messageId: string | null }[];
};

async function sendInRuns(url: string, count: number) {
  const destinations = Array.from({ length: count }, (_, i) => ({
    to: `user${i}@example.com`,
    templateData: { i },
  }));
  const runs: (Run & { elapsedMs: number })[] = [];
  let resumeCursor = "";
  for (;;) {
    const started = Date.now();
    const { data } = (await harness.action("sendBulkTemplatedEmail", {
      ...bulkSendParams(connection, url),
      destinations,
      maxSendRate: String(RATE),
      timeBudgetSeconds: String(BUDGET_SECONDS),
      resumeCursor,
    })) as { data: Run };
    runs.push({ ...data, elapsedMs: Date.now() - started });
    if (!data.needsAnotherRun || runs.length > 20) return runs;
    resumeCursor = data.resumeCursor ?? "";
  }
}

describe("a large list over several runs of the built component (real time)", () => {
  it("delivers every destination exactly once, in order, each run returning within its budget plus one call", async () => {
    const ses = await startRateLimitedSes({ rate: RATE });
    try {
      const runs = await sendInRuns(ses.url, 420); // about 10.5 s of sending at 40/s
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs[runs.length - 1]).toMatchObject({ complete: true, resumeCursor: null });
      expect(ses.order).toEqual(Array.from({ length: 420 }, (_, i) => `user${i}@example.com`));
      expect(runs.flatMap((run) => run.results.map((r) => r.index))).toEqual(
        Array.from({ length: 420 }, (_, i) => i),
      );
      // A budget of 1 s plus one local call and the harness around it; never a pacing wait more.
      for (const run of runs) expect(run.elapsedMs).toBeLessThan(BUDGET_SECONDS * 1000 + 750);
    } finally {
      await ses.close();
    }
  });

  it("under throttling, 5xx calls and transient entries: each destination one outcome over all runs, each success sent once", async () => {
    const ses = await startRateLimitedSes({
      rate: RATE,
      callFailure: 0.05,
      entryFailure: 0.05,
      seed: 7,
    });
    try {
      const runs = await sendInRuns(ses.url, 250); // two runs or more
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs[runs.length - 1].complete).toBe(true);
      const outcomes = runs.flatMap((run) => run.results);
      expect(outcomes.map((o) => o.index).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 250 }, (_, i) => i),
      );
      for (const outcome of outcomes) {
        const sent = ses.accepted.get(`user${outcome.index}@example.com`) ?? 0;
        expect(sent).toBe(outcome.status === "SUCCESS" ? 1 : 0);
      }
      expect(ses.stats.transientEntries + ses.stats.serverErrors).toBeGreaterThan(0);
      expect(runs[runs.length - 1].overall).toMatchObject({ done: 250, runs: runs.length });
    } finally {
      await ses.close();
    }
  });
});
