import { queuePositions } from "../../src/intake/queueItem";
import { checkQueueUrl } from "../../src/values/sqsQueueUrl";

const AWS = { region: "us-east-1", endpointOverride: false };

describe("queue URLs are checked before any call", () => {
  it("gives one spelling of a queue: host lower-cased, default port dropped; .cn only for cn- regions", () => {
    for (const spelling of [
      "https://SQS.US-EAST-1.AMAZONAWS.COM/111122223333/ses-events",
      "https://sqs.us-east-1.amazonaws.com:443/111122223333/ses-events",
    ]) {
      expect(checkQueueUrl("Queue URL", spelling, AWS).url).toBe(
        "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events",
      );
    }
    expect(() =>
      checkQueueUrl("Queue URL", "https://sqs.us-east-1.amazonaws.com.cn/111122223333/q", AWS),
    ).toThrow(/cn- regions only/);
    expect(
      checkQueueUrl("Queue URL", "https://sqs.cn-north-1.amazonaws.com.cn/111122223333/q", {
        ...AWS,
        region: "cn-north-1",
      }).url,
    ).toBe("https://sqs.cn-north-1.amazonaws.com.cn/111122223333/q");
  });

  it("accepts AWS's queue URLs in the step's region", () => {
    expect(
      checkQueueUrl(
        "Queue URL",
        "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events",
        AWS,
      ),
    ).toEqual({
      url: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events",
      region: "us-east-1",
      accountId: "111122223333",
      name: "ses-events",
    });
    expect(
      checkQueueUrl("Q", "https://sqs.us-east-1.amazonaws.com/111122223333/orders.fifo", AWS).name,
    ).toBe("orders.fifo");
  });

  it.each([
    ["another host", "https://evil.example/111122223333/ses-events", /only AWS's SQS host/],
    [
      "another region",
      "https://sqs.eu-west-1.amazonaws.com/111122223333/q",
      /queue in eu-west-1, but Region is us-east-1/,
    ],
    ["plain http", "http://sqs.us-east-1.amazonaws.com/111122223333/q", /only AWS's SQS host/],
    [
      "credentials",
      "https://u:p@sqs.us-east-1.amazonaws.com/111122223333/q",
      /without a user name/,
    ],
    [
      "a query",
      "https://sqs.us-east-1.amazonaws.com/111122223333/q?Action=DeleteQueue",
      /without a user name, password, query/,
    ],
    ["no account", "https://sqs.us-east-1.amazonaws.com/q", /no account\/queue name path/],
    [
      "a bad name",
      "https://sqs.us-east-1.amazonaws.com/111122223333/a%0Ab",
      /no account\/queue name path/,
    ],
    ["not a URL", "ses-events", /must be an SQS queue URL/],
  ])("refuses %s", (_what, url, message) => {
    expect(() => checkQueueUrl("Queue URL", url, AWS)).toThrow(message);
  });

  it("with an endpoint override accepts an emulator's host, never other schemes", () => {
    const local = { region: "us-east-1", endpointOverride: true };
    expect(
      checkQueueUrl("Q", "http://sqs.us-east-1.localhost:4566/000000000000/q", local).accountId,
    ).toBe("000000000000");
    expect(() => checkQueueUrl("Q", "file://x/000000000000/q", local)).toThrow(/not http or https/);
  });
});

describe("Acknowledge SES Events reads what the trigger handed over, and nothing else", () => {
  const item = {
    event: { type: "Bounce" },
    queue: {
      url: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events",
      messageId: "5fea7756-0ea4-451a-a703-a558b933e274",
      receiptHandle: "AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq8aVDqLb2l6hXa==",
      receiveCount: 2,
      sentAt: null,
      deliveryKey: "sns:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    },
  };

  it("takes one item, a list, or the list as JSON text", () => {
    expect(queuePositions("Events", item)).toHaveLength(1);
    expect(queuePositions("Events", [item, item])).toHaveLength(2);
    expect(queuePositions("Events", JSON.stringify([item]))[0].receiveCount).toBe(2);
  });

  it.each([
    ["nothing", "", /is empty/],
    ["an empty list", [], /is empty/],
    ["not JSON", "[", /not JSON/],
    ["a webhook trigger's event", { sns: {}, event: {} }, /no "queue" field/],
    [
      "a CR/LF receipt handle",
      { queue: { ...item.queue, receiptHandle: "a\r\nb" } },
      /receiptHandle/,
    ],
    ["a made-up delivery key", { queue: { ...item.queue, deliveryKey: "x" } }, /deliveryKey/],
    ["a second item without a queue", [item, {}], /Events item 2 has no "queue"/],
  ])("refuses %s, naming the input", (_what, value, message) => {
    expect(() => queuePositions("Events", value)).toThrow(message);
  });
});
