import type { BulkEmailEntry, BulkEmailEntryResult } from "@aws-sdk/client-sesv2";
import { sendBulk } from "../src/bulk/bulkSender";
import type { BulkDestination } from "../src/bulk/destinations";
import { advance, feedOf, startOf } from "../src/bulk/resumePoint";
import { VirtualClock } from "./virtualClock";

const DESTINATIONS = 1_000_000;
const RATE = 14; // SES's default MaxSendRate
const BUDGET_MS = 600_000; // the action's default Time Budget
const LATENCY_MS = 60;

/**
 * 1,000,000 destinations at 14/s with a 10-minute budget, in simulated time: the bulk sender
 * and the resume cursor exactly as the action drives them, run after run, against a simulated
 * SES that throttles every 40th call and answers 1% of entries TRANSIENT_FAILURE once.
 */
export async function benchBulkAcrossRuns() {
  const started = performance.now();
  const destinations: BulkDestination[] = Array.from({ length: DESTINATIONS }, (_, index) => {
    const to = `u${index}@example.com`;
    return { index, to: [to], recipientCount: 1, entry: { Destination: { ToAddresses: [to] } } };
  });
  const clock = new VirtualClock();
  const sent = new Uint8Array(DESTINATIONS);
  const failedOnce = new Uint8Array(DESTINATIONS);
  let calls = 0;
  const send = async (entries: BulkEmailEntry[]): Promise<BulkEmailEntryResult[]> => {
    calls += 1;
    const call = calls;
    await clock.sleep(LATENCY_MS);
    if (call % 40 === 0) {
      throw Object.assign(new Error("Maximum sending rate exceeded."), {
        name: "TooManyRequestsException",
        $metadata: { httpStatusCode: 429 },
      });
    }
    return entries.map((entry) => {
      const index = Number(entry.Destination?.ToAddresses?.[0]?.slice(1, -12));
      if (index % 100 === 7 && !failedOnce[index]) {
        failedOnce[index] = 1;
        return { Status: "TRANSIENT_FAILURE", Error: "try again" };
      }
      sent[index] += 1;
      return { Status: "SUCCESS", MessageId: `m-${index}` };
    });
  };

  let point = startOf(destinations);
  const outcomes = new Uint8Array(DESTINATIONS);
  const runLengths: number[] = [];
  while (point.succeeded + point.failed + point.unknown < point.total) {
    const start = clock.now();
    const run = await clock.run(
      sendBulk(feedOf(destinations, point), send, {
        maxSendRate: RATE,
        deadline: start + BUDGET_MS,
        clock,
        random: () => 0.5,
      }),
    );
    runLengths.push(clock.now() - start);
    for (const outcome of run.outcomes) outcomes[outcome.index] += 1;
    point = advance(point, run);
    if (runLengths.length > 1000) throw new Error("the send made no progress");
  }
  let lost = 0;
  let duplicated = 0;
  let twoOutcomes = 0;
  for (let i = 0; i < DESTINATIONS; i++) {
    if (sent[i] === 0) lost += 1;
    if (sent[i] > 1) duplicated += 1;
    if (outcomes[i] !== 1) twoOutcomes += 1;
  }
  const simulatedS = clock.now() / 1000;
  return {
    destinations: DESTINATIONS,
    rate: RATE,
    budgetS: BUDGET_MS / 1000,
    runs: runLengths.length,
    longestRunS: Math.max(...runLengths) / 1000,
    longestOverBudgetMs: Math.max(...runLengths) - BUDGET_MS,
    simulatedS,
    idealS: DESTINATIONS / RATE,
    calls,
    lost,
    duplicated,
    notExactlyOneOutcome: twoOutcomes,
    wallS: (performance.now() - started) / 1000,
  };
}
