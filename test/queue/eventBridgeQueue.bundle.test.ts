import { bounceTransientEvent, delivery } from "../../src/sesEvents/samples";
import { eventBridgeEvent } from "../helpers/eventBridge";
import { describeWithFauxqs, useFauxqsAndSns } from "../helpers/fauxqs";
import {
  createQueueWithDlq,
  drainBodies,
  QueueFlowInstance,
  queueDepth,
  sendBody,
  sesEventJson,
  sqsClient,
} from "../helpers/queuePlatform";

jest.setTimeout(60_000);

describeWithFauxqs("SES events an EventBridge rule sends to the queue", () => {
  const { fauxqs: server } = useFauxqsAndSns();

  it("hands a bounce to the flow once, its copies deleted, anything forged left for the dead-letter queue", async () => {
    const sqs = sqsClient(server().endpoint);
    const { queueUrl, dlqUrl } = await createQueueWithDlq(sqs, "eventbridge", 2);
    const bounce = eventBridgeEvent(JSON.parse(sesEventJson(bounceTransientEvent, "ses-eb-1")));
    const deliveryEvent = eventBridgeEvent(JSON.parse(sesEventJson(delivery, "ses-eb-2")));
    const forged = [
      eventBridgeEvent(bounceTransientEvent, { source: "aws.ses.fake" }),
      eventBridgeEvent(bounceTransientEvent, { account: "999999999999" }),
    ];
    // EventBridge delivers at least once: the bounce twice, at once.
    for (const event of [bounce, bounce, deliveryEvent, ...forged]) {
      await sendBody(sqs, queueUrl, JSON.stringify(event));
    }
    const instance = new QueueFlowInstance(
      {
        queueUrl,
        allowedTopicArns: [],
        eventBridgeEvents: "true",
        eventBridgeAccountId: "111122223333",
        eventTypes: ["Bounce"],
        visibilityTimeoutSeconds: "2",
        maxMessagesPerRun: "50",
        waitTimeSeconds: "0",
      },
      server().endpoint,
    );

    const items = await instance.runTrigger();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      sns: null,
      eventBridge: { id: bounce.id, detailType: "Email Bounced", account: "111122223333" },
      event: { type: "Bounce", bounce: { type: "Transient" } },
      queue: { deliveryKey: `eventbridge:${bounce.id}` },
    });
    expect(await instance.runBatch(items, true)).toBe(true);
    // The bounce's second copy and the Delivery (not an Event Type of this flow) were deleted;
    // the two forged events stay until the dead-letter queue takes them.
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(await instance.runTrigger()).toEqual([]);
    }
    expect(await queueDepth(sqs, queueUrl)).toBe(0);
    const dead = (await drainBodies(sqs, dlqUrl)).map((body) => JSON.parse(body).id).sort();
    expect(dead).toEqual(forged.map((event) => event.id).sort());
  });
});
