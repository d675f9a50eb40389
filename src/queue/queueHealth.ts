import type { SQSClient } from "@aws-sdk/client-sqs";

/**
 * What in a queue's set-up would lose or stall events with the SQS trigger, in words a builder
 * can act on: no dead-letter queue (refused messages would cycle until retention drops them), or
 * a retention shorter than the trigger's replay window. Empty when all is well.
 */
export async function queueSetUpWarnings(
  sqs: SQSClient,
  queueUrl: string,
  trigger: { maxMessageAgeSeconds: number },
): Promise<string[]> {
  const { GetQueueAttributesCommand } = await import("@aws-sdk/client-sqs");
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ["RedrivePolicy", "MessageRetentionPeriod"],
    }),
  );
  const warnings: string[] = [];
  if (!Attributes.RedrivePolicy) {
    warnings.push(
      "The queue has no redrive policy: messages the trigger refuses (forged, foreign topic, malformed) or whose flow keeps failing are received again and again until the queue's retention period deletes them. Give it a dead-letter queue (see the SQS set-up guide).",
    );
  }
  const retention = Number(Attributes.MessageRetentionPeriod);
  if (Number.isFinite(retention) && retention < trigger.maxMessageAgeSeconds) {
    warnings.push(
      `The queue keeps messages ${retention} s, less than Max Message Age (${trigger.maxMessageAgeSeconds} s): lower Max Message Age to ${retention} to narrow the replay window.`,
    );
  }
  return warnings;
}
