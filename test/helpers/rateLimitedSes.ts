import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A deterministic pseudo-random sequence, so every run sees the same failures. */
export function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * A local SES v2 SendBulkEmail endpoint with a token bucket of `rate` recipients per second, as
 * SES enforces the account's MaxSendRate: calls over it get 429; a share of calls fail with 500
 * and a share of entries come back TRANSIENT_FAILURE (neither counts as sent). Records every
 * address it accepted, in order, and how often. The bucket is charged on arrival; the answer
 * can take `latencyMs`.
 */
export async function startRateLimitedSes(options: {
  rate: number;
  callFailure?: number;
  entryFailure?: number;
  seed?: number;
  /** How long each answer takes, like SES's own latency; 0 by default. */
  latencyMs?: number;
}) {
  const { rate } = options;
  const random = seeded(options.seed ?? 42);
  let tokens = rate;
  let last = Date.now();
  const accepted = new Map<string, number>();
  const order: string[] = [];
  const stats = { calls: 0, throttled: 0, serverErrors: 0, transientEntries: 0, first: 0, last: 0 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      // GetAccount: the send rate a bulk send paces to when it is given none.
      if (req.method === "GET" && req.url?.startsWith("/v2/email/account")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            ProductionAccessEnabled: true,
            SendingEnabled: true,
            SendQuota: { Max24HourSend: 10_000_000, MaxSendRate: rate, SentLast24Hours: 0 },
          }),
        );
        return;
      }
      const now = Date.now();
      tokens = Math.min(rate, tokens + ((now - last) / 1000) * rate);
      last = now;
      stats.calls += 1;
      stats.first ||= now;
      const input = JSON.parse(body);
      const entries = input.BulkEmailEntries as { Destination: { ToAddresses: string[] } }[];
      const cost = entries.reduce((sum, entry) => sum + entry.Destination.ToAddresses.length, 0);
      const reply = (status: number, payload: unknown, type?: string) => {
        setTimeout(() => {
          res.writeHead(status, {
            "content-type": "application/json",
            ...(type ? { "x-amzn-errortype": type } : {}),
          });
          res.end(JSON.stringify(payload));
        }, options.latencyMs ?? 0);
      };
      if (cost > tokens) {
        stats.throttled += 1;
        return reply(
          429,
          { message: "Maximum sending rate exceeded." },
          "TooManyRequestsException",
        );
      }
      if (random() < (options.callFailure ?? 0)) {
        stats.serverErrors += 1;
        return reply(500, { message: "Internal failure" }, "InternalFailure");
      }
      tokens -= cost;
      stats.last = Date.now();
      const results = entries.map((entry) => {
        const to = entry.Destination.ToAddresses[0];
        if (random() < (options.entryFailure ?? 0)) {
          stats.transientEntries += 1;
          tokens += 1; // not sent: SES does not count it
          return { Status: "TRANSIENT_FAILURE", Error: "Try again" };
        }
        accepted.set(to, (accepted.get(to) ?? 0) + 1);
        order.push(to);
        return { Status: "SUCCESS", MessageId: `m-${to}` };
      });
      reply(200, { BulkEmailEntryResults: results });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    order,
    stats,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
