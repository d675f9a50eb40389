import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness } from "../helpers/component";
import { shapeOf } from "../helpers/shapeOf";

const exampleOf = (key: string) =>
  (harness.component.actions[key] as { examplePayload?: { data: unknown } }).examplePayload?.data;

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

const QUEUE = "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events";
const DLQ = "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events-dlq";
const item = (n: number, url = QUEUE) => ({
  event: { type: "Bounce" },
  queue: {
    url,
    messageId: `5fea7756-0ea4-451a-a703-${String(n).padStart(12, "0")}`,
    receiptHandle: `handle-${n}`,
    receiveCount: 1,
    sentAt: null,
    deliveryKey: `sns:22b80b92-fdea-4c2c-8f9d-${String(n).padStart(12, "0")}`,
  },
});

describe("Acknowledge SES Events", () => {
  it("deletes by receipt handle, 10 to a request, and writes no state (so batches may run at once)", async () => {
    sqs.on(DeleteMessageBatchCommand).callsFake((input) => ({
      Successful: input.Entries.filter((e: { Id: string }) => e.Id !== "3").map(
        (e: { Id: string }) => ({ Id: e.Id }),
      ),
      Failed: input.Entries.filter((e: { Id: string }) => e.Id === "3").map(
        (e: { Id: string }) => ({
          Id: e.Id,
          Code: "ReceiptHandleIsInvalid",
          SenderFault: true,
        }),
      ),
    }));
    const items = Array.from({ length: 12 }, (_, n) => item(n));
    const result = (await harness.action(
      "acknowledgeSesEvents",
      { connection: accessKey, events: items },
      { crossFlowState: { other: 1 } },
    )) as {
      data: { acknowledged: number; notDeleted: { id: string; code: string }[] };
      crossFlowState?: unknown;
      instanceState?: unknown;
    };
    const calls = sqs.commandCalls(DeleteMessageBatchCommand).map((call) => call.args[0].input);
    expect(calls).toEqual([
      {
        QueueUrl: QUEUE,
        Entries: items
          .slice(0, 10)
          .map((it, n) => ({ Id: String(n), ReceiptHandle: it.queue.receiptHandle })),
      },
      {
        QueueUrl: QUEUE,
        Entries: items
          .slice(10)
          .map((it, n) => ({ Id: String(n), ReceiptHandle: it.queue.receiptHandle })),
      },
    ]);
    expect(result.data.acknowledged).toBe(12);
    // The fourth of the first batch was not deleted: it is reported, and nothing is recorded.
    expect(result.data.notDeleted.map((f) => [f.id, f.code])).toEqual([
      [items[3].queue.messageId, "ReceiptHandleIsInvalid"],
    ]);
    expect(result.crossFlowState).toBeUndefined();
    expect(result.instanceState).toBeUndefined();
  });

  it("names each queue once, however its URL is spelt, and refuses a list of many queues", async () => {
    sqs.on(DeleteMessageBatchCommand).callsFake((input) => ({
      Successful: input.Entries.map((e: { Id: string }) => ({ Id: e.Id })),
    }));
    const spellings = [
      QUEUE,
      QUEUE.replace("sqs.us-east-1.amazonaws.com", "SQS.US-EAST-1.AMAZONAWS.COM"),
      QUEUE.replace("amazonaws.com", "amazonaws.com:443"),
    ];
    await harness.action("acknowledgeSesEvents", {
      connection: accessKey,
      events: spellings.map((url, n) => item(n, url)),
    });
    const calls = sqs.commandCalls(DeleteMessageBatchCommand).map((call) => call.args[0].input);
    expect(calls.map((call) => [call.QueueUrl, call.Entries?.length])).toEqual([[QUEUE, 3]]);

    await expect(
      harness.action("acknowledgeSesEvents", {
        connection: accessKey,
        events: [QUEUE.replace("amazonaws.com", "amazonaws.com.cn")].map((url) => item(1, url)),
      }),
    ).rejects.toThrow(/amazonaws\.com\.cn is for the cn- regions only/);
    sqs.resetHistory();
    const many = Array.from({ length: 11 }, (_, n) => item(n, `${QUEUE}-${n}`));
    await expect(
      harness.action("acknowledgeSesEvents", { connection: accessKey, events: many }),
    ).rejects.toThrow(/more than 10 queues/);
    expect(sqs.commandCalls(DeleteMessageBatchCommand)).toHaveLength(0);
  });

  it("returns what its examplePayload shows", async () => {
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [{ Id: "0" }, { Id: "1" }] });
    const result = await harness.action("acknowledgeSesEvents", {
      connection: accessKey,
      events: [item(1), item(2)],
    });
    expect(shapeOf(dataOf(result))).toEqual(shapeOf(exampleOf("acknowledgeSesEvents")));
  });

  it.each([
    ["a webhook event", { sns: {}, event: {} }, /no "queue" field/],
    [
      "a queue URL on another host",
      item(1, "https://evil.example/111122223333/q"),
      /only AWS's SQS host/,
    ],
    [
      "a queue in another region",
      item(1, "https://sqs.eu-west-1.amazonaws.com/111122223333/q"),
      /Region is us-east-1/,
    ],
  ])("refuses %s before any call", async (_what, events, message) => {
    await expect(
      harness.action("acknowledgeSesEvents", { connection: accessKey, events }),
    ).rejects.toThrow(message);
    expect(sqs.calls()).toHaveLength(0);
  });
});

describe("Redrive Dead-Letter Queue", () => {
  it("sends each message back unchanged but marked with the ID it had, then deletes only what SQS accepted", async () => {
    const tenAttributes = Object.fromEntries(
      Array.from({ length: 10 }, (_, n) => [`a${n}`, { DataType: "String", StringValue: "v" }]),
    );
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [0, 1, 2].map((n) => ({
          MessageId: `m${n}`,
          ReceiptHandle: `h${n}`,
          Body: `body ${n}`,
          MessageAttributes:
            n === 0
              ? {
                  kind: { DataType: "String", StringValue: "x" },
                  // A mark from an earlier redrive names the message it was then: replaced.
                  "ses-redrive-of": { DataType: "String", StringValue: "older" },
                }
              : n === 2
                ? tenAttributes
                : undefined,
        })),
      })
      .resolves({ Messages: [] });
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [
        { Id: "0", MessageId: "n0", MD5OfMessageBody: "" },
        { Id: "2", MessageId: "n2", MD5OfMessageBody: "" },
      ],
      Failed: [{ Id: "1", Code: "KMS.AccessDenied", SenderFault: true }],
    });
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [{ Id: "0" }, { Id: "1" }] });
    const result = (await harness.action("redriveDeadLetterQueue", {
      connection: accessKey,
      deadLetterQueueUrl: DLQ,
      destinationQueueUrl: QUEUE,
    })) as { data: { moved: number; notSent: { id: string }[]; stoppedBy: string } };
    expect(sqs.commandCalls(SendMessageBatchCommand)[0].args[0].input).toEqual({
      QueueUrl: QUEUE,
      Entries: [
        {
          Id: "0",
          MessageBody: "body 0",
          MessageAttributes: {
            kind: { DataType: "String", StringValue: "x", BinaryValue: undefined },
            "ses-redrive-of": { DataType: "String", StringValue: "m0" },
          },
        },
        {
          Id: "1",
          MessageBody: "body 1",
          MessageAttributes: { "ses-redrive-of": { DataType: "String", StringValue: "m1" } },
        },
        // SQS takes 10 attributes at most: a message that has them goes back unmarked.
        {
          Id: "2",
          MessageBody: "body 2",
          MessageAttributes: Object.fromEntries(
            Object.entries(tenAttributes).map(([name, value]) => [
              name,
              { ...value, BinaryValue: undefined },
            ]),
          ),
        },
      ],
    });
    expect(sqs.commandCalls(DeleteMessageBatchCommand)[0].args[0].input).toEqual({
      QueueUrl: DLQ,
      Entries: [
        { Id: "0", ReceiptHandle: "h0" },
        { Id: "1", ReceiptHandle: "h2" },
      ],
    });
    expect(result.data).toMatchObject({ moved: 2, notSent: [{ id: "m1" }], stoppedBy: "empty" });
    const { notSent: _failed, ...rest } = result.data;
    const { notSent: _none, ...example } = exampleOf(
      "redriveDeadLetterQueue",
    ) as typeof result.data;
    expect(shapeOf(rest)).toEqual(shapeOf(example));
  });

  it("refuses to move a queue onto itself, before any call", async () => {
    await expect(
      harness.action("redriveDeadLetterQueue", {
        connection: accessKey,
        deadLetterQueueUrl: DLQ,
        destinationQueueUrl: DLQ,
      }),
    ).rejects.toThrow(/dead-letter queue itself/);
    expect(sqs.calls()).toHaveLength(0);
  });
});

describe("SES Events From SQS receives what it can verify", () => {
  it("asks for up to 10 messages with the visibility timeout and long polling it was given", async () => {
    sqs.on(ReceiveMessageCommand).resolves({ Messages: [] });
    const result = await harness.trigger(
      "sesQueueEvents",
      {},
      {
        connection: accessKey,
        queueUrl: QUEUE,
        allowedTopicArns: ["arn:aws:sns:us-east-1:111122223333:ses-notifications"],
        visibilityTimeoutSeconds: "900",
        waitTimeSeconds: "5",
      },
    );
    expect(sqs.commandCalls(ReceiveMessageCommand).map((c) => c.args[0].input)).toEqual([
      {
        QueueUrl: QUEUE,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 900,
        WaitTimeSeconds: 5,
        MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
        MessageAttributeNames: ["All"],
      },
    ]);
    expect(result).toMatchObject({
      payload: { body: { data: [] }, paginationState: null },
      resultType: "polled_no_changes",
    });
  });

  it("refuses to run with no topic (every envelope would be refused), before any call", async () => {
    await expect(
      harness.trigger(
        "sesQueueEvents",
        {},
        { connection: accessKey, queueUrl: QUEUE, allowedTopicArns: [] },
      ),
    ).rejects.toThrow(/Allowed Topic ARNs is empty/);
    expect(sqs.calls()).toHaveLength(0);
  });
});

describe("deploying SES Events From SQS checks the queue's set-up", () => {
  const deploy = () =>
    harness.triggerOnInstanceDeploy("sesQueueEvents", {
      connection: accessKey,
      queueUrl: QUEUE,
      allowedTopicArns: ["arn:aws:sns:us-east-1:111122223333:ses-notifications"],
    });

  it("warns when the queue has no dead-letter queue or keeps messages shorter than the replay window", async () => {
    sqs
      .on(GetQueueAttributesCommand)
      .resolves({ Attributes: { MessageRetentionPeriod: "345600" } });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    warn.mockClear();
    await deploy();
    const lines = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    expect(sqs.commandCalls(GetQueueAttributesCommand)[0].args[0].input).toEqual({
      QueueUrl: QUEUE,
      AttributeNames: ["RedrivePolicy", "MessageRetentionPeriod"],
    });
    expect(lines.join("\n")).toMatch(/no redrive policy/);
    expect(lines.join("\n")).toMatch(
      /keeps messages 345600 s, less than Max Message Age \(1209600 s\)/,
    );
  });

  it("deploys without a warning about a well set-up queue, and without failing when it cannot look", async () => {
    sqs.on(GetQueueAttributesCommand).resolves({
      Attributes: { RedrivePolicy: '{"maxReceiveCount":5}', MessageRetentionPeriod: "1209600" },
    });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    warn.mockClear();
    await deploy();
    expect(warn).not.toHaveBeenCalled();
    sqs
      .on(GetQueueAttributesCommand)
      .rejects(Object.assign(new Error("denied"), { name: "AccessDenied" }));
    await expect(deploy()).resolves.not.toThrow();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/could not read queue ses-events/);
    warn.mockRestore();
  });
});
