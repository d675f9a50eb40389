import {
  type BulkEmailEntry,
  GetAccountCommand,
  SESv2Client,
  SendBulkEmailCommand,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
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

const bulk = (params: Record<string, unknown>) =>
  harness.action("sendBulkTemplatedEmail", {
    connection: accessKey,
    region: "us-east-1",
    from: "news@example.com",
    replyTo: [],
    messageTags: [{ key: "campaign", value: "nov" }],
    customHeaders: [],
    templateName: "newsletter",
    ...params,
  });

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
  ])("rejects %s before any AWS call, GetAccount included", async (_case, params, message) => {
    await expect(bulk(params)).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});
