import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { bundledComponent, bundledHarness } from "../helpers/bundle";
import { rejectionOf, TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { startRateLimitedSes } from "../helpers/rateLimitedSes";
import { startS3Emulator } from "../helpers/s3Emulator";

// Issue 13, a list too large for a step: destinations streamed from an S3 object (s3rver) by
// the built bundle, over several runs against a rate-limited local SES, in real time.
jest.setTimeout(60_000);
const harness = bundledHarness();
const connection = createConnection(bundledComponent().connections?.[0] as never, {
  accessKeyId: TEST_KEY_ID,
  secretAccessKey: TEST_SECRET,
});
const BUCKET = "campaign-lists";
let s3: Awaited<ReturnType<typeof startS3Emulator>>;
let ses: Awaited<ReturnType<typeof startRateLimitedSes>>;
beforeAll(async () => {
  s3 = await startS3Emulator(BUCKET, { accessKeyId: TEST_KEY_ID, secretAccessKey: TEST_SECRET });
  ses = await startRateLimitedSes({ rate: 40 });
});
afterAll(async () => {
  await s3.close();
  await ses.close();
});

type Out = {
  complete: boolean;
  needsAnotherRun: boolean;
  resumeCursor: string | null;
  total: number | null;
  overall: {
    done: number;
    succeeded: number;
    invalid: number;
    remaining: number | null;
    runs: number;
  };
  results: { index: number; line?: number; status: string; error: string | null }[];
  succeededRanges: [number, number][];
};
const send = (key: string, resumeCursor = "") =>
  harness.action("sendBulkTemplatedEmail", {
    connection,
    region: "us-east-1",
    endpoint: ses.url,
    s3Endpoint: s3.url,
    from: "news@example.com",
    replyTo: [],
    messageTags: [],
    customHeaders: [],
    templateName: "newsletter",
    destinations: "",
    destinationsBucket: BUCKET,
    destinationsKey: key,
    maxSendRate: "40",
    timeBudgetSeconds: "5",
    resumeCursor,
  }) as Promise<{ data: Out }>;

async function sendAll(key: string) {
  const runs: Out[] = [];
  let cursor = "";
  do {
    runs.push((await send(key, cursor)).data);
    cursor = runs[runs.length - 1].resumeCursor ?? "";
  } while (runs[runs.length - 1].needsAnotherRun && runs.length < 10);
  return runs;
}

describe("Send Bulk Templated Email from a Destinations File (built bundle, s3rver)", () => {
  it("sends a JSON Lines list over several runs, each valid line once, each bad line reported once by line number", async () => {
    const lines = Array.from({ length: 300 }, (_, i) =>
      i === 17
        ? "{broken"
        : i === 203
          ? '{"to": "not-an-address"}'
          : JSON.stringify({ to: `user${i}@example.com`, templateData: { i } }),
    );
    await s3.put("lists/newsletter.jsonl", Buffer.from(`${lines.join("\n")}\n`));
    const runs = await sendAll("lists/newsletter.jsonl");

    expect(runs.length).toBeGreaterThanOrEqual(2);
    const last = runs[runs.length - 1];
    expect(last).toMatchObject({ complete: true, total: 300, resumeCursor: null });
    expect(last.overall).toMatchObject({ done: 300, succeeded: 298, invalid: 2, remaining: 0 });
    for (let i = 0; i < 300; i++) {
      const expected = i === 17 || i === 203 ? 0 : 1;
      expect(ses.accepted.get(`user${i}@example.com`) ?? 0).toBe(expected);
    }
    const invalid = runs.flatMap((run) => run.results.filter((r) => r.status === "INVALID"));
    expect(invalid.map((r) => [r.index, r.line])).toEqual([
      [17, 18],
      [203, 204],
    ]);
    expect(invalid[1].error).toMatch(/^Line 204: To: "not-an-address"/);
    // Successes come as ranges of indexes, each index once over all runs.
    const succeeded = runs.flatMap((run) =>
      run.succeededRanges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k)),
    );
    expect(succeeded.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 300 }, (_, i) => i).filter((i) => i !== 17 && i !== 203),
    );
    expect(runs[0].total).toBeNull(); // not known until the file has been read to its end
  });

  it("reads CSV with a header row, addresses separated by ;, other columns as template data", async () => {
    await s3.put(
      "lists/vip.csv",
      Buffer.from(
        'to,name,plan\r\nvip1@example.com;vip2@example.com,"Doe, Jane",gold\r\nvip3@example.com,Bob,silver\r\n',
      ),
    );
    const [run] = await sendAll("lists/vip.csv");
    expect(run).toMatchObject({ complete: true, total: 2 });
    expect(ses.accepted.get("vip1@example.com")).toBe(1);
    expect(ses.accepted.get("vip3@example.com")).toBe(1);
  });

  it("refuses to continue once the file has changed since the first run, before sending anything", async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `"late${i}@example.com"`).join("\n");
    await s3.put("lists/changing.jsonl", Buffer.from(lines));
    const first = (await send("lists/changing.jsonl")).data;
    expect(first.needsAnotherRun).toBe(true);
    await s3.put("lists/changing.jsonl", Buffer.from(`"someone-else@example.com"\n${lines}`));
    const before = ses.stats.calls;
    const error = await rejectionOf(send("lists/changing.jsonl", first.resumeCursor ?? ""));
    expect(error.message).toMatch(/has changed since the first run of this send/);
    expect(ses.stats.calls).toBe(before);
  });

  it("wants either Destinations or a whole Destinations File", async () => {
    await expect(
      harness.action("sendBulkTemplatedEmail", {
        connection,
        region: "us-east-1",
        endpoint: ses.url,
        from: "news@example.com",
        templateName: "newsletter",
        replyTo: [],
        messageTags: [],
        customHeaders: [],
        destinations: '["a@example.com"]',
        destinationsBucket: BUCKET,
        destinationsKey: "lists/vip.csv",
      }),
    ).rejects.toThrow(/either Destinations or a Destinations File, not both/);
  });
});
