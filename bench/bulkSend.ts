import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../src";
import { accessKeyConnection } from "../src/connections";

const RATE = 200;
const DESTINATIONS = 10_000;
const CALL_FAILURE = 0.01;
const ENTRY_FAILURE = 0.02;

/** A deterministic pseudo-random sequence, so every bench run sees the same failures. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A local SES v2 SendBulkEmail endpoint with a token bucket of RATE recipients per second. */
async function startRateLimitedSes() {
  const random = seeded(42);
  let tokens = RATE;
  let last = Date.now();
  const accepted = new Map<string, number>();
  const stats = { calls: 0, throttled: 0, serverErrors: 0, transientEntries: 0, first: 0, last: 0 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const now = Date.now();
      tokens = Math.min(RATE, tokens + ((now - last) / 1000) * RATE);
      last = now;
      stats.calls += 1;
      stats.first ||= now;
      const input = JSON.parse(body);
      const entries = input.BulkEmailEntries as { Destination: { ToAddresses: string[] } }[];
      const cost = entries.reduce((sum, entry) => sum + entry.Destination.ToAddresses.length, 0);
      const reply = (status: number, payload: unknown, type?: string) => {
        res.writeHead(status, {
          "content-type": "application/json",
          ...(type ? { "x-amzn-errortype": type } : {}),
        });
        res.end(JSON.stringify(payload));
      };
      if (cost > tokens) {
        stats.throttled += 1;
        return reply(
          429,
          { message: "Maximum sending rate exceeded." },
          "TooManyRequestsException",
        );
      }
      if (random() < CALL_FAILURE) {
        stats.serverErrors += 1;
        return reply(500, { message: "Internal failure" }, "InternalFailure");
      }
      tokens -= cost;
      stats.last = Date.now();
      const results = entries.map((entry) => {
        const to = entry.Destination.ToAddresses[0];
        if (random() < ENTRY_FAILURE) {
          stats.transientEntries += 1;
          tokens += 1; // not sent: SES does not count it
          return { Status: "TRANSIENT_FAILURE", Error: "Try again" };
        }
        accepted.set(to, (accepted.get(to) ?? 0) + 1);
        return { Status: "SUCCESS", MessageId: `m-${to}` };
      });
      reply(200, { BulkEmailEntryResults: results });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    stats,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function benchBulkSend() {
  const ses = await startRateLimitedSes();
  try {
    const destinations = Array.from({ length: DESTINATIONS }, (_, i) => ({
      to: `user${i}@example.com`,
      templateData: { i },
    }));
    const connection = createConnection(accessKeyConnection, {
      accessKeyId: "AKIABENCH00000000001",
      secretAccessKey: "bench-secret-not-real",
    });
    const result = (await createHarness(component).action("sendBulkTemplatedEmail", {
      connection,
      region: "us-east-1",
      endpoint: ses.url,
      from: "news@example.com",
      replyTo: [],
      messageTags: [],
      customHeaders: [],
      templateName: "newsletter",
      destinations,
      maxSendRate: String(RATE),
    })) as { data: { succeeded: number; results: { index: number; status: string }[] } };

    const outcomes = result.data.results;
    const reported = new Set(outcomes.map((o) => o.index));
    const lost =
      DESTINATIONS -
      reported.size +
      outcomes.filter(
        (o) => o.status === "SUCCESS" && !ses.accepted.has(`user${o.index}@example.com`),
      ).length +
      [...ses.accepted.keys()].filter(
        (to) => outcomes[Number(to.slice(4, to.indexOf("@")))]?.status !== "SUCCESS",
      ).length;
    const duplicated = [...ses.accepted.values()].filter((count) => count > 1).length;
    const elapsedS = (ses.stats.last - ses.stats.first) / 1000;
    const achievedRate = ses.accepted.size / elapsedS;
    const row = {
      destinations: DESTINATIONS,
      elapsedS,
      achievedRate,
      fraction: achievedRate / RATE,
      calls: ses.stats.calls,
      throttled: ses.stats.throttled,
      serverErrors: ses.stats.serverErrors,
      transientEntries: ses.stats.transientEntries,
      lost,
      duplicated,
      callFailurePercent: CALL_FAILURE * 100,
      entryFailurePercent: ENTRY_FAILURE * 100,
    };
    console.log(
      `  ${ses.accepted.size}/${DESTINATIONS} delivered in ${elapsedS.toFixed(1)} s = ${achievedRate.toFixed(1)}/s (${((achievedRate / RATE) * 100).toFixed(1)}% of ${RATE}/s); ${row.calls} calls, ${row.throttled} throttled, ${row.serverErrors} 5xx, ${row.transientEntries} transient entries; lost ${lost}, duplicated ${duplicated}`,
    );
    return row;
  } finally {
    await ses.close();
  }
}
