import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  type BulkEmailEntry,
  GetAccountCommand,
  SESv2Client,
  SendBulkEmailCommand,
} from "@aws-sdk/client-sesv2";
import { loggerMock } from "@prismatic-io/spectral/dist/testing";
import { mockClient } from "aws-sdk-client-mock";
import { encodeFileCursor, fileStart } from "../../src/bulk/fileResumePoint";
import { accessKey, dataOf, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
let sentEntries: BulkEmailEntry[][] = [];
beforeEach(() => {
  ses.reset();
  sentEntries = [];
  ses
    .on(GetAccountCommand)
    .resolves({ SendQuota: { MaxSendRate: 1000, Max24HourSend: 1e6, SentLast24Hours: 0 } });
  ses.on(SendBulkEmailCommand).callsFake((input) => {
    sentEntries.push(input.BulkEmailEntries);
    return {
      BulkEmailEntryResults: input.BulkEmailEntries.map((entry: BulkEmailEntry) =>
        entry.Destination?.ToAddresses?.[0]?.startsWith("reject")
          ? { Status: "MESSAGE_REJECTED", Error: "Email address is not verified." }
          : { Status: "SUCCESS", MessageId: `id-${entry.Destination?.ToAddresses?.[0]}` },
      ),
    };
  });
});

const bulk = (params: Record<string, unknown>, logger = loggerMock()) =>
  harness.action(
    "sendBulkTemplatedEmail",
    {
      connection: accessKey,
      region: "us-east-1",
      from: "news@example.com",
      replyTo: [],
      messageTags: [{ key: "campaign", value: "nov" }],
      customHeaders: [],
      templateName: "newsletter",
      ...params,
    },
    { logger },
  );

describe("Send Bulk Templated Email", () => {
  it("reads the send rate once, batches by 50 and reports every destination in input order", async () => {
    const destinations = Array.from({ length: 120 }, (_, i) =>
      i === 7 ? "reject-me@example.com" : { to: `u${i}@example.com`, templateData: { n: i } },
    );
    const result = dataOf<{
      total: number;
      succeeded: number;
      failed: number;
      maxSendRate: number;
      results: { index: number; status: string; messageId: string | null; to: string[] }[];
    }>(await bulk({ destinations, defaultTemplateData: '{"n": 0}' }));

    expect(ses.commandCalls(GetAccountCommand)).toHaveLength(1);
    expect(sentEntries.map((entries) => entries.length)).toEqual([50, 50, 20]);
    expect(result).toMatchObject({ total: 120, succeeded: 119, failed: 1, maxSendRate: 1000 });
    expect(result.results.map((r) => r.index)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(result.results[7]).toMatchObject({
      status: "MESSAGE_REJECTED",
      messageId: null,
      to: ["reject-me@example.com"],
    });
    expect(result.results[8]).toMatchObject({ status: "SUCCESS", messageId: "id-u8@example.com" });

    const first = ses.commandCalls(SendBulkEmailCommand)[0].args[0].input;
    expect({ ...first, BulkEmailEntries: undefined }).toEqual({
      FromEmailAddress: "news@example.com",
      ReplyToAddresses: undefined,
      ConfigurationSetName: undefined,
      DefaultEmailTags: [{ Name: "campaign", Value: "nov" }],
      DefaultContent: {
        Template: { TemplateName: "newsletter", TemplateData: '{"n":0}', Headers: undefined },
      },
      BulkEmailEntries: undefined,
    });
    expect(first.BulkEmailEntries?.[0]).toEqual({
      Destination: { ToAddresses: ["u0@example.com"], CcAddresses: [], BccAddresses: [] },
      ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '{"n":0}' } },
      ReplacementTags: undefined,
    });
  });

  it("uses the given Max Send Rate without asking SES", async () => {
    const result = await bulk({ destinations: '["a@example.com"]', maxSendRate: "500" });
    expect(ses.commandCalls(GetAccountCommand)).toHaveLength(0);
    expect(dataOf<{ maxSendRate: number }>(result).maxSendRate).toBe(500);
  });

  it("turns off the SDK's own retries, so only the bulk sender decides what to resend", async () => {
    ses.on(SendBulkEmailCommand).rejects(
      Object.assign(new Error("Unknown"), {
        name: "BadRequestException",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const result = await bulk({ destinations: ["a@example.com"], maxSendRate: "100" });
    expect(ses.commandCalls(SendBulkEmailCommand)).toHaveLength(1);
    expect(dataOf<{ results: { status: string }[] }>(result).results[0].status).toBe("FAILED");
    const config = ses.commandCalls(SendBulkEmailCommand)[0].thisValue as SESv2Client;
    expect(await config.config.maxAttempts()).toBe(1);
  });

  it.each([
    [
      "a bad destination",
      { destinations: ["ok@example.com", "bad"] },
      /^Destinations\[1\]\.To: "bad"/,
    ],
    ["no destinations", { destinations: "[]" }, /^Destinations is empty/],
    [
      "bad default data",
      { destinations: ["a@example.com"], defaultTemplateData: "{" },
      /^Default Template Data is not valid JSON/,
    ],
    [
      "a bad rate",
      { destinations: ["a@example.com"], maxSendRate: "-3" },
      /^Max Send Rate must be a number/,
    ],
    [
      "no template",
      { destinations: ["a@example.com"], templateName: "" },
      /Choose a stored Template/,
    ],
    [
      "a cursor that is not one",
      { destinations: ["a@example.com"], resumeCursor: "page-2" },
      /^Resume Cursor is not a cursor of Send Bulk Templated Email/,
    ],
    [
      "a time budget over 14 minutes",
      { destinations: ["a@example.com"], timeBudgetSeconds: "900" },
      /^Time Budget \(seconds\) must be a whole number from 5 to 840/,
    ],
  ])("rejects %s before any AWS call, GetAccount included", async (_case, params, message) => {
    await expect(bulk(params)).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});

type BulkData = {
  complete: boolean;
  needsAnotherRun: boolean;
  resumeCursor: string | null;
  stoppedBy: string | null;
  succeeded: number;
  overall: { done: number; succeeded: number; remaining: number; runs: number };
  results: { index: number }[];
};

describe("Send Bulk Templated Email within a time budget", () => {
  const destinations = Array.from({ length: 30 }, (_, i) => `u${i}@example.com`);

  it("stops at the budget with a cursor, and the next run with it sends only the rest", async () => {
    // 2 per second with a 5 s budget: 10 per run, in simulated time.
    jest.useFakeTimers();
    const runs: BulkData[] = [];
    let cursor = "";
    try {
      do {
        const running = bulk({
          destinations,
          maxSendRate: "2",
          timeBudgetSeconds: "5",
          resumeCursor: cursor,
        });
        let result: unknown;
        running.then((r) => {
          result = r;
        });
        while (!result) await jest.advanceTimersByTimeAsync(100);
        runs.push(dataOf<BulkData>(result));
        cursor = runs[runs.length - 1].resumeCursor ?? "";
      } while (runs[runs.length - 1].needsAnotherRun && runs.length < 10);
    } finally {
      jest.useRealTimers();
    }

    expect(runs.length).toBe(3);
    const last = runs[runs.length - 1];
    expect(last).toMatchObject({ complete: true, resumeCursor: null, stoppedBy: null });
    expect(last.overall).toMatchObject({
      done: 30,
      succeeded: 30,
      remaining: 0,
      runs: runs.length,
    });
    for (const run of runs.slice(0, -1))
      expect(run).toMatchObject({ complete: false, stoppedBy: "budget" });
    const sent = sentEntries.flat().map((entry) => entry.Destination?.ToAddresses?.[0]);
    expect(sent).toEqual(destinations); // each once, in order
    expect(runs.flatMap((run) => run.results.map((r) => r.index))).toEqual(
      Array.from({ length: 30 }, (_, i) => i),
    );
  });

  it("stops on an error every call would repeat without asking for another run, and resumes once it is fixed", async () => {
    let paused = true; // the first call finds sending paused
    const answer = (input: { BulkEmailEntries: BulkEmailEntry[] }) => {
      if (paused) {
        paused = false;
        throw Object.assign(new Error("Sending is paused for this account."), {
          name: "SendingPausedException",
          $metadata: { httpStatusCode: 400 },
        });
      }
      sentEntries.push(input.BulkEmailEntries);
      return {
        BulkEmailEntryResults: input.BulkEmailEntries.map((entry) => ({
          Status: "SUCCESS",
          MessageId: `id-${entry.Destination?.ToAddresses?.[0]}`,
        })),
      };
    };
    ses.on(SendBulkEmailCommand).callsFake(answer);
    const stopped = dataOf<BulkData>(await bulk({ destinations, maxSendRate: "10" }));
    expect(stopped).toMatchObject({ complete: false, needsAnotherRun: false, stoppedBy: "abort" });
    expect(stopped.overall).toMatchObject({ done: 0, remaining: 30 });
    expect(sentEntries).toHaveLength(0); // the refused call sent nothing
    const resumed = dataOf<BulkData>(
      await bulk({ destinations, maxSendRate: "1000", resumeCursor: stopped.resumeCursor }),
    );
    expect(resumed).toMatchObject({ complete: true, succeeded: 30 });
    expect(sentEntries.flat().map((entry) => entry.Destination?.ToAddresses?.[0])).toEqual(
      destinations,
    );
  });

  it("logs where the send stands while it works and when it stops", async () => {
    const logger = loggerMock();
    (logger.info as jest.Mock).mockClear(); // the mock spies on console, shared across tests
    const many = Array.from({ length: 400 }, (_, i) => `u${i}@example.com`);
    await bulk({ destinations: many, maxSendRate: "1000" }, logger);
    const lines = (logger.info as jest.Mock).mock.calls.map(([line]) => String(line));
    expect(lines[0]).toBe("Bulk send: 400 of 400 destinations to go, at 1000/s, within 600 s.");
    const progress = lines.filter(
      (line) => line.startsWith("Bulk send: ") && line.includes(" done "),
    );
    expect(progress.length).toBeGreaterThanOrEqual(5); // at least every 10% (400 in calls of 50)
    expect(progress[progress.length - 1]).toMatch(
      /^Bulk send: 400 of 400 done \(this run 400 sent, 0 not\), [\d.]+\/s; 0 left, about 0 s at this rate; \d+ min \d+ s of the time budget left\.$/,
    );
    expect(lines[lines.length - 1]).toBe(
      "Bulk send complete: 400 of 400 sent, 0 failed or invalid, 0 unknown, over 1 run(s).",
    );
  });
});

describe("Send Bulk Templated Email from a Destinations File, at the edges", () => {
  it("finishes with the carried destinations when the last run stopped exactly at the file's end (S3 answers 416)", async () => {
    const s3 = mockClient(S3Client);
    s3.on(GetObjectCommand).rejects(
      Object.assign(new Error("The requested range is not satisfiable"), {
        name: "InvalidRange",
        $metadata: { httpStatusCode: 416 },
      }),
    );
    const location = { bucket: "lists", key: "all.jsonl", etag: '"abc"', format: "jsonl" as const };
    const cursor = encodeFileCursor({
      ...fileStart(location),
      next: { index: 3, offset: 60, line: 3 },
      carry: [{ index: 1, line: 2, item: "carried@example.com" }],
      succeeded: 2,
      runs: 1,
    });
    try {
      const data = dataOf<BulkData & { total: number | null }>(
        await bulk({
          destinations: "",
          destinationsBucket: "lists",
          destinationsKey: "all.jsonl",
          maxSendRate: "100",
          resumeCursor: cursor,
        }),
      );
      expect(data).toMatchObject({ complete: true, total: 3, resumeCursor: null });
      expect(data.overall).toMatchObject({ done: 3, succeeded: 3 });
      expect(sentEntries.flat().map((entry) => entry.Destination?.ToAddresses?.[0])).toEqual([
        "carried@example.com",
      ]);
      expect(s3.commandCalls(GetObjectCommand)[0].args[0].input).toMatchObject({
        Range: "bytes=60-",
        IfMatch: '"abc"',
      });
    } finally {
      s3.restore();
    }
  });
});

it("says where destinations can come from when none is given, before any call", async () => {
  await expect(bulk({ destinations: "" })).rejects.toThrow(
    /^Destinations is empty: give at least one destination, or a Destinations File \(its Bucket and Key\)\./,
  );
  await expect(bulk({ destinations: "", destinationsBucket: "lists" })).rejects.toThrow(
    /^Destinations File needs both its Bucket and its Key\./,
  );
  expect(ses.calls()).toHaveLength(0);
});
