/**
 * Demo part 4: the durable path. SES events go SES -> SNS -> SQS (fauxqs: SQS and SNS in this
 * process), the SES Events From SQS trigger hands them to the flow, Acknowledge SES Events deletes
 * them. A signed envelope is verified, a forged one is refused and left in the queue, and a
 * second copy of an acknowledged event is dropped. fauxqs needs Node >= 22.5.
 */
const {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SQSClient,
} = require("@aws-sdk/client-sqs");
const {
  CreateTopicCommand,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} = require("@aws-sdk/client-sns");
const { serveSnsLocally, signAsSns } = require("./localSns");

const [major, minor] = process.versions.node.split(".").map(Number);
const FAUXQS_RUNS = major > 22 || (major === 22 && minor >= 5);
const TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:ses-notifications";

const bounce = (messageId) =>
  JSON.stringify({
    eventType: "Bounce",
    bounce: {
      bounceType: "Permanent",
      bounceSubType: "General",
      bouncedRecipients: [{ emailAddress: "gone@example.org", action: "failed", status: "5.1.1" }],
      timestamp: new Date().toISOString(),
      feedbackId: `feedback-${messageId}`,
    },
    mail: {
      timestamp: new Date().toISOString(),
      messageId,
      source: "news@example.com",
      destination: ["gone@example.org"],
    },
  });

async function queueEventsDemo({ harness, connection }) {
  console.log("\n4. SES -> SNS -> SQS -> SES Events From SQS -> Acknowledge SES Events");
  if (!FAUXQS_RUNS) {
    console.log(
      `   skipped: the fauxqs SQS emulator needs Node >= 22.5 (this is ${process.version}); npm run demo:node22 runs it.`,
    );
    return;
  }
  // fauxqs keeps its queues in node:sqlite, which Node 22 flags as experimental on first use:
  // that notice is about the emulator, not the component, so the demo leaves it out.
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    const type = typeof rest[0] === "string" ? rest[0] : rest[0]?.type;
    if (type === "ExperimentalWarning" && String(warning).includes("SQLite")) return;
    return emitWarning.call(process, warning, ...rest);
  };
  const { startFauxqs } = await import("fauxqs");
  const fauxqs = await startFauxqs({ port: 0, logger: false });
  const sns = serveSnsLocally();
  try {
    const config = {
      endpoint: fauxqs.address,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    };
    const sqs = new SQSClient(config);
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: "ses-events-dlq" }));
    const dlqArn = (
      await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ["QueueArn"] }),
      )
    ).Attributes.QueueArn;
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: "ses-events",
        Attributes: {
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }),
        },
      }),
    );
    const queueUrl = queue.QueueUrl;
    const queueArn = (
      await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
      )
    ).Attributes.QueueArn;

    // SES publishes a bounce to its topic; the topic's raw-delivery subscription puts it in the queue.
    const snsClient = new SNSClient(config);
    const { TopicArn } = await snsClient.send(new CreateTopicCommand({ Name: "ses-events" }));
    await snsClient.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: "sqs",
        Endpoint: queueArn,
        Attributes: { RawMessageDelivery: "true" },
      }),
    );
    await snsClient.send(new PublishCommand({ TopicArn, Message: bounce("ses-demo-raw") }));
    // What SNS puts in a queue without raw delivery: its signed envelope (signed here with the
    // test key), and a forged copy whose event was changed after signing.
    const envelope = signAsSns({
      Type: "Notification",
      MessageId: "7c1e0f52-3b8d-4a55-9d0e-5a2b1c3d4e5f",
      TopicArn: TOPIC_ARN,
      Message: bounce("ses-demo-signed"),
    });
    const forged = { ...envelope, Message: bounce("ses-demo-forged") };
    for (const body of [envelope, forged]) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(body) }),
      );
    }

    const state = { instanceState: {}, crossFlowState: {} };
    const params = {
      connection,
      endpoint: fauxqs.address,
      queueUrl,
      allowedTopicArns: [TOPIC_ARN],
      rawMessageDelivery: true,
      waitTimeSeconds: "1",
    };
    const run = async () => {
      const items = [];
      let paginationState;
      do {
        const result = await harness.trigger(
          "sesQueueEvents",
          paginationState ? { paginationState } : {},
          params,
          state,
        );
        items.push(...result.payload.body.data);
        paginationState = result.payload.paginationState;
      } while (paginationState);
      return items;
    };
    const items = await run();
    const ids = items.map((item) => item.event.mail.messageId).sort();
    if (JSON.stringify(ids) !== JSON.stringify(["ses-demo-raw", "ses-demo-signed"])) {
      throw new Error(`The trigger handed over ${JSON.stringify(ids)}.`);
    }
    console.log(
      `   handed over: ${ids.join(", ")} (raw SES JSON via SNS fan-out, and a verified SNS envelope); the forged envelope was refused, as expected, and stays in the queue`,
    );
    const ack = await harness.action(
      "acknowledgeSesEvents",
      { connection, endpoint: fauxqs.address, events: items },
      state,
    );
    state.crossFlowState = ack.crossFlowState;
    console.log(`   Acknowledge SES Events: ${ack.data.acknowledged} deleted from the queue`);

    // SNS delivers at least once: the same envelope again is dropped, not handed over.
    await sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(envelope) }),
    );
    const again = await run();
    if (again.length !== 0)
      throw new Error("A copy of an acknowledged event was handed over again.");
    console.log("   a second copy of the acknowledged envelope was dropped as a duplicate");
  } finally {
    sns.restore();
    await fauxqs.stop();
  }
}

module.exports = { queueEventsDemo };
