import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../src";
import { accessKeyConnection } from "../src/connections";
import { bulkSendParams } from "../test/helpers/bulkParams";
import { startRateLimitedSes } from "../test/helpers/rateLimitedSes";

const RUNS = 5;
const BUDGET_S = 5;
const RATE = 2; // a batch of 2 every second: a pacing wait of about a second between calls
const LATENCY_MS = 80; // about what SES's SendBulkEmail takes

/**
 * How long after its Time Budget the action returns, in real time against a rate-limited local
 * SES at a slow rate (so every call is followed by a pacing wait): compared with one SES call's
 * latency measured in the same run. Target: within one call, not a pacing wait.
 */
export async function benchBulkBudgetStop() {
  const ses = await startRateLimitedSes({ rate: RATE, latencyMs: LATENCY_MS });
  const connection = createConnection(accessKeyConnection, {
    accessKeyId: "AKIABENCH00000000001",
    secretAccessKey: "bench-secret-not-real",
  });
  const harness = createHarness(component);
  try {
    const overruns: number[] = [];
    const destinations = Array.from({ length: 1000 }, (_, i) => `u${i}@example.com`);
    let resumeCursor = "";
    for (let i = 0; i < RUNS; i++) {
      const started = Date.now();
      const result = (await harness.action("sendBulkTemplatedEmail", {
        ...bulkSendParams(connection, ses.url),
        destinations,
        maxSendRate: String(RATE),
        timeBudgetSeconds: String(BUDGET_S),
        resumeCursor,
      })) as { data: { resumeCursor: string } };
      overruns.push(Date.now() - started - BUDGET_S * 1000);
      resumeCursor = result.data.resumeCursor;
    }
    // One call's latency: the same request, timed alone.
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 600)); // let the bucket refill
      const started = Date.now();
      await fetch(`${ses.url}/v2/email/outbound-bulk-emails`, {
        method: "POST",
        body: JSON.stringify({
          BulkEmailEntries: [{ Destination: { ToAddresses: [`x${i}@e.x`] } }],
        }),
      });
      latencies.push(Date.now() - started);
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      runs: RUNS,
      budgetS: BUDGET_S,
      rate: RATE,
      maxOverrunMs: Math.max(...overruns),
      medianOverrunMs: median(overruns),
      callLatencyMs: median(latencies),
      pacingWaitMs: 1000,
    };
  } finally {
    await ses.close();
  }
}
