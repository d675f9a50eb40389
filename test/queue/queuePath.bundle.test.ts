import {
  CreateTopicCommand,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { complaint, receivedSns } from "../../src/sesEvents/samples";
import { bundledHarness } from "../helpers/bundle";
import { accessKey } from "../helpers/component";
import { describeWithFauxqs, useFauxqsAndSns } from "../helpers/fauxqs";
import {
  createQueueWithDlq,
  envelopeBody,
  QueueFlowInstance,
  queueDepth,
  sendBody,
  sesEventJson,
  sqsClient,
} from "../helpers/queuePlatform";
import { shapeOf } from "../helpers/shapeOf";
import { TOPIC_ARN } from "../helpers/snsSigner";

jest.setTimeout(60_000);

describeWithFauxqs("SES Events From SQS against a real SQS/SNS emulator", () => {
  const { fauxqs: server } = useFauxqsAndSns();
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };

  it("takes SES's JSON that SNS fans out with raw message delivery, and it leaves the queue when acknowledged", async () => {
    const sqs = sqsClient(server().endpoint);
    const { queueUrl } = await createQueueWithDlq(sqs, "raw", 3);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
    );
    const snsClient = new SNSClient({
      endpoint: server().endpoint,
      region: "us-east-1",
      credentials,
    });
    const { TopicArn } = await snsClient.send(new CreateTopicCommand({ Name: "ses-events" }));
    await snsClient.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: "sqs",
        Endpoint: Attributes?.QueueArn,
        Attributes: { RawMessageDelivery: "true" },
      }),
    );
    await snsClient.send(
      new PublishCommand({ TopicArn, Message: sesEventJson(complaint, "ses-raw-1") }),
    );

    const instance = new QueueFlowInstance(
      { queueUrl, rawMessageDelivery: true, waitTimeSeconds: "1" },
      server().endpoint,
    );
    const items = await instance.runTrigger();
    expect(items).toHaveLength(1);
    // The same fields as the trigger's example item (whose sns is an envelope, here null).
    const example = (
      bundledHarness().component.triggers.sesQueueEvents as unknown as {
        examplePayload: { payload: { body: { data: { queue: unknown }[] } } };
      }
    ).examplePayload.payload.body.data[0];
    expect(Object.keys(items[0]).sort()).toEqual(Object.keys(example).sort());
    expect(shapeOf(items[0].queue)).toEqual(shapeOf(example.queue));
    expect(items[0]).toMatchObject({
      sns: null,
      event: { type: "Complaint", mail: { messageId: "ses-raw-1" } },
      queue: { url: queueUrl, receiveCount: 1, deliveryKey: expect.stringMatching(/^sha256:/) },
    });
    expect(await queueDepth(sqs, queueUrl)).toBe(1); // handed over, not yet deleted
    await instance.runBatch(items, true);
    expect(await queueDepth(sqs, queueUrl)).toBe(0);
  });

  it("fetches received mail like the Received Email trigger, and lists queues in the picklist", async () => {
    const sqs = sqsClient(server().endpoint);
    const { queueUrl } = await createQueueWithDlq(sqs, "inbound", 3);
    await sendBody(
      sqs,
      queueUrl,
      envelopeBody(JSON.stringify(receivedSns), "00000000-0000-4000-8000-00000000a001"),
    );
    const instance = new QueueFlowInstance(
      { queueUrl, allowedTopicArns: [TOPIC_ARN], fetchEmail: true, waitTimeSeconds: "1" },
      server().endpoint,
    );
    const [item] = await instance.runTrigger();
    expect(item.event.type).toBe("Received");
    expect(item.email).toMatchObject({
      subject: expect.any(String),
      from: { address: expect.any(String) },
    });
    expect(item.sns).toMatchObject({ topicArn: TOPIC_ARN, type: "Notification" });

    const picklist = await bundledHarness().dataSource("selectQueue", {
      connection: accessKey,
      endpoint: server().endpoint,
    });
    expect(picklist.result).toEqual(
      expect.arrayContaining([
        { key: queueUrl, label: "inbound" },
        { key: queueUrl.replace(/inbound$/, "inbound-dlq"), label: "inbound-dlq" },
      ]),
    );
  });

  it("sends a dead-letter queue's messages back, where the trigger hands them over once", async () => {
    const sqs = sqsClient(server().endpoint);
    const { queueUrl, dlqUrl } = await createQueueWithDlq(sqs, "redrive", 1);
    const bodies = [0, 1, 2].map((n) =>
      envelopeBody(
        sesEventJson(complaint, `ses-dead-${n}`),
        `00000000-0000-4000-8000-00000000d00${n}`,
      ),
    );
    for (const body of bodies) await sendBody(sqs, dlqUrl, body);

    const result = (await bundledHarness().action("redriveDeadLetterQueue", {
      connection: accessKey,
      endpoint: server().endpoint,
      deadLetterQueueUrl: dlqUrl,
      destinationQueueUrl: queueUrl,
    })) as { data: { moved: number; stoppedBy: string } };
    expect(result.data).toMatchObject({ moved: 3, stoppedBy: "empty" });
    expect(await queueDepth(sqs, dlqUrl)).toBe(0);

    const instance = new QueueFlowInstance(
      { queueUrl, allowedTopicArns: [TOPIC_ARN], waitTimeSeconds: "1" },
      server().endpoint,
    );
    const items = await instance.runTrigger();
    expect(items.map((item) => item.event.mail.messageId).sort()).toEqual([
      "ses-dead-0",
      "ses-dead-1",
      "ses-dead-2",
    ]);
    await instance.runBatch(items, true);
    expect(await queueDepth(sqs, queueUrl)).toBe(0);
  });
});
