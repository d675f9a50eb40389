import type { BulkEmailEntry, BulkEmailEntryResult } from "@aws-sdk/client-sesv2";
import { type BulkRun, sendBulk } from "../../src/bulk/bulkSender";
import { parseBulkDestinations } from "../../src/bulk/destinations";

/** n destinations; destination i goes to user{i}@example.com. */
const destinations = (n: number) =>
  parseBulkDestinations(
    Array.from({ length: n }, (_, i) => ({ to: `user${i}@example.com`, templateData: { i } })),
  );

const indexOf = (entry: BulkEmailEntry) =>
  Number(/^user(\d+)@/.exec(entry.Destination?.ToAddresses?.[0] ?? "")?.[1]);

interface Call {
  at: number;
  indexes: number[];
  /** Recipients SES counted against the rate: not entries it did not send, nor a call it failed. */
  counted: number;
}

/** Runs sendBulk under jest's fake clock; `answer` decides each call's outcome. */
async function run(
  n: number,
  answer: (call: Call, callNumber: number) => BulkEmailEntryResult[] | Error,
  options: {
    maxSendRate: number;
    maxAttempts?: number;
    maxConcurrentCalls?: number;
    deadline?: number;
  },
  list = destinations(n),
) {
  const calls: Call[] = [];
  /** How often SES answered SUCCESS for each destination: it sent the message. */
  const accepted = new Map<number, number>();
  const sendBatch = async (entries: BulkEmailEntry[]) => {
    const call = { at: Date.now(), indexes: entries.map(indexOf), counted: entries.length };
    calls.push(call);
    await new Promise((resolve) => setTimeout(resolve, 40)); // simulated SES latency
    const result = answer(call, calls.length);
    if (result instanceof Error) {
      if ((result as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 500)
        call.counted = 0;
      throw result;
    }
    call.counted = result.filter((entry) => entry.Status !== "TRANSIENT_FAILURE").length;
    result.forEach((entry, k) => {
      if (entry.Status === "SUCCESS")
        accepted.set(call.indexes[k], (accepted.get(call.indexes[k]) ?? 0) + 1);
    });
    return result;
  };
  const done = sendBulk(list, sendBatch, { random: () => 0.5, ...options });
  await jest.runAllTimersAsync();
  const result = await done;
  return { outcomes: result.outcomes, result, calls, accepted };
}

const sesError = (name: string, status?: number, code?: string) =>
  Object.assign(new Error(`${name} from the test`), {
    name,
    code,
    $metadata: status === undefined ? undefined : { httpStatusCode: status },
  });

const ok = (call: Call) =>
  call.indexes.map((i) => ({ Status: "SUCCESS" as const, MessageId: `m-${i}` }));

/**
 * Every destination is accounted for exactly once: a final outcome, or handed back unfinished;
 * a success was sent exactly once, and nothing handed back was ever sent.
 */
function expectAccountedOnce(
  n: number,
  { result, calls, accepted }: { result: BulkRun; calls: Call[]; accepted: Map<number, number> },
) {
  const untaken = Array.from(
    { length: n - result.position.index },
    (_, k) => result.position.index + k,
  );
  const indexes = [
    ...result.outcomes.map((o) => o.index),
    ...result.unfinished.map((d) => d.index),
    ...untaken,
  ];
  expect(indexes.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(result.outcomes.map((o) => o.index)).toEqual(
    [...result.outcomes.map((o) => o.index)].sort((a, b) => a - b),
  );
  const sends = new Map<number, number>();
  for (const call of calls) for (const i of call.indexes) sends.set(i, (sends.get(i) ?? 0) + 1);
  for (const outcome of result.outcomes) {
    expect(outcome.to).toEqual([`user${outcome.index}@example.com`]);
    expect(sends.get(outcome.index) ?? 0).toBe(outcome.attempts);
    if (outcome.status === "SUCCESS") {
      expect(outcome.messageId).toBe(`m-${outcome.index}`);
      expect(accepted.get(outcome.index)).toBe(1);
    } else expect(accepted.has(outcome.index)).toBe(false);
  }
  for (const destination of result.unfinished) expect(accepted.has(destination.index)).toBe(false);
}

/**
 * What SES counted never exceeds the rate: over every stretch of calls (in start order), the time
 * from the first start to the last is at least the counted recipients before the last, at the rate.
 */
function expectPaced(calls: Call[], rate: number) {
  const ordered = [...calls].sort((a, b) => a.at - b.at);
  for (let first = 0; first < ordered.length; first++) {
    let counted = 0;
    for (let last = first + 1; last < ordered.length; last++) {
      counted += ordered[last - 1].counted;
      expect(ordered[last].at - ordered[first].at).toBeGreaterThanOrEqual(
        (counted * 1000) / rate - 1 - (last - first),
      );
    }
  }
}

beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 10, 23) }));
afterEach(() => jest.useRealTimers());

describe("sendBulk", () => {
  it("sends 1000 destinations in calls of 50, in order, at the allowed rate", async () => {
    const start = Date.now();
    const sent = await run(1000, ok, { maxSendRate: 100 });
    const { outcomes, calls } = sent;
    expect(calls).toHaveLength(20);
    expect(calls.every((call) => call.indexes.length === 50)).toBe(true);
    expect(calls.flatMap((call) => call.indexes)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
    expectAccountedOnce(1000, sent);
    expect(outcomes.every((o) => o.status === "SUCCESS" && o.attempts === 1)).toBe(true);
    expectPaced(calls, 100);
    // 20 calls of 50 at 100/s: the last one starts 9.5 s in; the whole run is not much longer.
    const elapsed = Math.max(...calls.map((c) => c.at)) - start;
    expect(elapsed).toBeGreaterThanOrEqual(9500);
    expect(elapsed).toBeLessThan(9500 + 100);
  });

  it("keeps each call within one second of sending at low rates", async () => {
    const { calls } = await run(30, ok, { maxSendRate: 7 });
    expect(Math.max(...calls.map((c) => c.indexes.length))).toBe(7);
    expectPaced(calls, 7);
  });

  it("retries throttled calls and throttled or transient entries; every destination ends exactly once", async () => {
    const flaky = new Set<number>();
    // Each destination is in at most two failed calls, so five attempts always suffice.
    const failedCalls = new Map<number, number>();
    const mayFail = (call: Call) => call.indexes.every((i) => (failedCalls.get(i) ?? 0) < 2);
    const failCall = (call: Call, error: Error) => {
      for (const i of call.indexes) failedCalls.set(i, (failedCalls.get(i) ?? 0) + 1);
      return error;
    };
    const sent = await run(
      1000,
      (call, number) => {
        if (number % 4 === 0 && mayFail(call)) {
          return failCall(call, sesError("TooManyRequestsException", 429));
        }
        if (number % 7 === 0 && mayFail(call))
          return failCall(call, sesError("InternalFailure", 500));
        return call.indexes.map((i) => {
          if (i % 97 === 0)
            return { Status: "MESSAGE_REJECTED", Error: "Email address is not verified." };
          if (i % 10 === 3 && !flaky.has(i)) {
            flaky.add(i);
            return {
              Status: i % 20 === 3 ? "ACCOUNT_THROTTLED" : "TRANSIENT_FAILURE",
              Error: "try later",
            };
          }
          return { Status: "SUCCESS", MessageId: `m-${i}` };
        });
      },
      { maxSendRate: 200 },
    );
    expectAccountedOnce(1000, sent);
    const { outcomes, calls } = sent;
    expectPaced(calls, 200);
    const rejected = outcomes.filter((o) => o.status === "MESSAGE_REJECTED").map((o) => o.index);
    expect(rejected).toEqual(Array.from({ length: 11 }, (_, k) => k * 97));
    expect(outcomes.filter((o) => o.status === "SUCCESS")).toHaveLength(1000 - 11);
    // Entries that failed transiently once were sent again, and only once more.
    for (const i of flaky) {
      if (i % 97 !== 0) expect(outcomes[i]).toMatchObject({ status: "SUCCESS" });
    }
    expect(outcomes.some((o) => o.attempts > 1)).toBe(true);
    // Once a throttled call's answer is in (40 ms later), no call starts for a second.
    const answeredAt = calls[3].at + 40;
    const nextStart = Math.min(...calls.filter((c) => c.at > answeredAt).map((c) => c.at));
    expect(nextStart - answeredAt).toBeGreaterThanOrEqual(1000);
  });

  it("gives up after the last attempt and says so", async () => {
    const sent = await run(3, () => sesError("TooManyRequestsException", 429), {
      maxSendRate: 50,
      maxAttempts: 3,
    });
    expectAccountedOnce(3, sent);
    const { outcomes, calls } = sent;
    expect(calls).toHaveLength(3);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: "FAILED", attempts: 3, messageId: null });
      expect(outcome.error).toMatch(/TooManyRequestsException: .* \(gave up after 3 attempts\)/);
    }
  });

  it("does not resend when the request may have reached SES (connection reset)", async () => {
    const sent = await run(
      120,
      (call, number) => (number === 2 ? sesError("Error", undefined, "ECONNRESET") : ok(call)),
      { maxSendRate: 1000, maxConcurrentCalls: 1 },
    );
    expectAccountedOnce(120, sent);
    const { outcomes, calls } = sent;
    expect(calls).toHaveLength(3);
    expect(outcomes.slice(50, 100).every((o) => o.status === "UNKNOWN" && o.attempts === 1)).toBe(
      true,
    );
    expect(outcomes[50].error).toMatch(/may have reached SES, so it was not sent again/);
  });

  it("resends when the connection was never made (connection refused)", async () => {
    const sent = await run(
      60,
      (call, number) => (number === 1 ? sesError("Error", undefined, "ECONNREFUSED") : ok(call)),
      { maxSendRate: 1000, maxConcurrentCalls: 1 },
    );
    expectAccountedOnce(60, sent);
    const { outcomes } = sent;
    expect(outcomes.every((o) => o.status === "SUCCESS")).toBe(true);
    expect(outcomes[0].attempts).toBe(2);
  });

  it("stops at an error every later call would repeat, handing the rest back unsent", async () => {
    const sent = await run(500, () => sesError("NotFoundException", 404), {
      maxSendRate: 1000,
      maxConcurrentCalls: 1,
    });
    expectAccountedOnce(500, sent);
    const { outcomes, calls } = sent;
    expect(calls).toHaveLength(1);
    // SES refused the whole call: nothing was sent, so all of it is handed back with the rest.
    expect(outcomes).toHaveLength(0);
    expect(sent.result.unfinished.map((d) => d.index)).toEqual(
      Array.from({ length: 50 }, (_, k) => k),
    );
    expect(sent.result.position.index).toBe(50); // the rest was never taken
    expect(sent.result).toMatchObject({
      stoppedBy: "abort",
      abortReason: expect.stringMatching(/^NotFoundException/),
    });
  });

  it("fails only the batch of an error that concerns that batch", async () => {
    const sent = await run(
      150,
      (call, number) => (number === 2 ? sesError("BadRequestException", 400) : ok(call)),
      { maxSendRate: 1000, maxConcurrentCalls: 1 },
    );
    expectAccountedOnce(150, sent);
    const { outcomes } = sent;
    expect(outcomes.filter((o) => o.status === "FAILED").map((o) => o.index)).toEqual(
      Array.from({ length: 50 }, (_, k) => 50 + k),
    );
    expect(outcomes.filter((o) => o.status === "SUCCESS")).toHaveLength(100);
  });
});

describe("parseBulkDestinations", () => {
  it("takes addresses, objects and JSON text, with per-destination data and tags", () => {
    const parsed = parseBulkDestinations(
      JSON.stringify([
        "a@example.com",
        {
          to: ["B <b@example.com>"],
          cc: "c@example.com",
          templateData: { n: 1 },
          tags: { seg: "vip" },
        },
      ]),
    );
    expect(parsed.map((d) => d.entry)).toEqual([
      { Destination: { ToAddresses: ["a@example.com"], CcAddresses: [], BccAddresses: [] } },
      {
        Destination: {
          ToAddresses: ['"B" <b@example.com>'],
          CcAddresses: ["c@example.com"],
          BccAddresses: [],
        },
        ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '{"n":1}' } },
        ReplacementTags: [{ Name: "seg", Value: "vip" }],
      },
    ]);
    expect(parsed.map((d) => d.recipientCount)).toEqual([1, 2]);
  });

  it.each([
    ["not JSON", "[{", /^Destinations is not valid JSON/],
    ["not an array", '{"to": "a@example.com"}', /^Destinations must be a JSON array/],
    ["empty", "[]", /^Destinations is empty/],
    [
      "a bad address deep in the list",
      ["a@example.com", "b@example.com", { to: "nope" }],
      /^Destinations\[2\]\.To: "nope" is not a valid email address/,
    ],
    [
      "an item with no recipient",
      ["a@example.com", { templateData: {} }],
      /^Destinations\[1\]\.Give at least one recipient/,
    ],
    [
      "template data that is not an object",
      [{ to: "a@example.com", templateData: "[1]" }],
      /^Destinations\[0\]\.templateData must be a JSON object/,
    ],
    [
      "a bad tag",
      [{ to: "a@example.com", tags: { "a b": "x" } }],
      /^Destinations\[0\]\.tags: tag "a b"/,
    ],
    [
      "header injection",
      [{ to: "a@example.com\r\nBcc: x@evil.test" }],
      /^Destinations\[0\]\.To: .* line break/,
    ],
  ])("rejects %s, naming the destination", (_case, value, message) => {
    expect(() => parseBulkDestinations(value)).toThrow(message);
  });
});
