import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { QueueEventItem } from "../../src/intake/queueItem";
import { bundledHarness } from "./bundle";
import { accessKey } from "./component";
import { signedSnsMessage, TOPIC_ARN } from "./snsSigner";

export const sqsClient = (endpoint: string) =>
  new SQSClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });

/** A queue with a dead-letter queue after `maxReceiveCount` receives, as the set-up guide has it. */
export async function createQueueWithDlq(sqs: SQSClient, name: string, maxReceiveCount: number) {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqUrl = dlq.QueueUrl as string;
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ["QueueArn"] }),
  );
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: Attributes?.QueueArn,
          maxReceiveCount,
        }),
      },
    }),
  );
  return { queueUrl: queue.QueueUrl as string, dlqUrl };
}

/** SES's JSON for one event of `sample`, with its own SES message ID. */
export const sesEventJson = (sample: unknown, sesMessageId: string) => {
  const event = structuredClone(sample) as { mail: { messageId: string } };
  event.mail.messageId = sesMessageId;
  return JSON.stringify(event);
};

/** What SNS puts in a subscribed queue: the signed envelope (signed with the test key). */
export const envelopeBody = (
  sesJson: string,
  snsMessageId: string,
  topicArn?: string,
  signedAt?: Date,
) =>
  JSON.stringify(
    signedSnsMessage({
      Type: "Notification",
      Message: sesJson,
      MessageId: snsMessageId,
      ...(topicArn ? { TopicArn: topicArn } : {}),
      ...(signedAt ? { Timestamp: signedAt.toISOString() } : {}),
    }),
  );

export const sendBody = (sqs: SQSClient, queueUrl: string, body: string) =>
  sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

/** Every message body in a queue (received with a short visibility, so they stay). */
export async function drainBodies(sqs: SQSClient, queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 60,
      }),
    );
    if (!Messages?.length) return bodies;
    bodies.push(...Messages.map((m) => m.Body ?? ""));
  }
}

export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

/**
 * One instance's flow as Prismatic runs it, as far as the platform facts go: a scheduled run of
 * the trigger pages until its cursor is null, its items are split into batches, each batch is
 * an execution; persisted state is loaded when an execution starts and written when it ends,
 * and only if the execution succeeded and changed it.
 */
export class QueueFlowInstance {
  instanceState: Record<string, unknown> = {};
  crossFlowState: Record<string, unknown> = {};
  private readonly harness = bundledHarness();

  constructor(
    private readonly triggerParams: Record<string, unknown>,
    private readonly sqsEndpoint: string,
  ) {}

  /**
   * One scheduled run, page after page. With `pagesShareState: false` each page starts from the
   * state as it was when the run started (the platform does not document which it does).
   */
  async runTrigger(options: { pagesShareState?: boolean } = {}): Promise<QueueEventItem[]> {
    const atStart = structuredClone(this.instanceState);
    let instanceState = structuredClone(atStart);
    const crossFlowState = structuredClone(this.crossFlowState);
    const items: QueueEventItem[] = [];
    let paginationState: Record<string, unknown> | null | undefined;
    do {
      const payload = (paginationState ? { paginationState } : {}) as Record<string, never>;
      if (options.pagesShareState === false) instanceState = structuredClone(atStart);
      const result = (await this.harness.trigger(
        "sesQueueEvents",
        payload,
        { connection: accessKey, endpoint: this.sqsEndpoint, ...this.triggerParams },
        { instanceState, crossFlowState },
      )) as unknown as {
        payload: { body: { data: QueueEventItem[] }; paginationState: typeof paginationState };
      };
      items.push(...result.payload.body.data);
      paginationState = result.payload.paginationState;
    } while (paginationState);
    this.instanceState = instanceState;
    return items;
  }

  /**
   * Batch executions `concurrency` at a time, as Prismatic runs a batch trigger's items when the
   * builder raises the concurrent batch limit: each loads the persisted state when it starts
   * and, if it succeeds, writes back what its steps returned, whole, when it ends (the last
   * writer wins); a failed one writes nothing. Random pauses interleave concurrent ones. Resolves with the
   * batches that succeeded.
   */
  async runBatchesConcurrently(
    items: QueueEventItem[],
    options: {
      batchSize: number;
      concurrency: number;
      fails: (batch: QueueEventItem[]) => boolean;
    },
  ): Promise<QueueEventItem[][]> {
    const batches: QueueEventItem[][] = [];
    for (let start = 0; start < items.length; start += options.batchSize) {
      batches.push(items.slice(start, start + options.batchSize));
    }
    const succeeded: QueueEventItem[][] = [];
    // Only executions that run side by side need interleaving.
    const pause = () =>
      new Promise((resolve) =>
        setTimeout(resolve, options.concurrency > 1 ? Math.random() * 40 : 0),
      );
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const loaded = {
          crossFlowState: structuredClone(this.crossFlowState),
          instanceState: structuredClone(this.instanceState),
        };
        await pause();
        if (options.fails(batch)) continue; // fails before acknowledging: nothing written
        const result = (await this.harness.action(
          "acknowledgeSesEvents",
          { connection: accessKey, endpoint: this.sqsEndpoint, events: batch },
          loaded,
        )) as { crossFlowState?: Record<string, unknown>; instanceState?: Record<string, unknown> };
        await pause();
        if (result.crossFlowState) this.crossFlowState = result.crossFlowState;
        if (result.instanceState) this.instanceState = result.instanceState;
        succeeded.push(batch);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return succeeded;
  }

  /** A batch execution: the flow's own steps, then Acknowledge SES Events as its last step. */
  async runBatch(items: QueueEventItem[], flowSucceeds: boolean): Promise<boolean> {
    const done = await this.runBatchesConcurrently(items, {
      batchSize: items.length,
      concurrency: 1,
      fails: () => !flowSucceeds, // fails before acknowledging: nothing written
    });
    return done.length > 0;
  }
}

/** A flow on `queueUrl` that accepts the test topic, with the given visibility timeout (s). */
export const signedQueueFlow = (
  queueUrl: string,
  endpoint: string,
  visibilitySeconds: number,
  maxMessagesPerRun = 100,
) =>
  new QueueFlowInstance(
    {
      queueUrl,
      allowedTopicArns: [TOPIC_ARN],
      visibilityTimeoutSeconds: String(visibilitySeconds),
      maxMessagesPerRun: String(maxMessagesPerRun),
      waitTimeSeconds: "0",
    },
    endpoint,
  );
