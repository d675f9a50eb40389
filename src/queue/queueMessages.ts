import type { Message, MessageAttributeValue, SQSClient } from "@aws-sdk/client-sqs";

/** One received SQS message, with what the intake needs of it. */
export interface ReceivedQueueMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** How many times SQS has handed this message out, this time included. */
  receiveCount: number;
  sentAt: string | null;
  messageAttributes: Record<string, MessageAttributeValue>;
}

const toReceived = (message: Message): ReceivedQueueMessage | undefined => {
  if (!message.MessageId || !message.ReceiptHandle) return undefined;
  const sent = Number(message.Attributes?.SentTimestamp);
  return {
    messageId: message.MessageId,
    receiptHandle: message.ReceiptHandle,
    body: message.Body ?? "",
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 1),
    sentAt: Number.isFinite(sent) ? new Date(sent).toISOString() : null,
    messageAttributes: message.MessageAttributes ?? {},
  };
};

/**
 * Up to `max` (1-10) messages, invisible to other receivers for `visibilityTimeout` seconds.
 * Long polling (`waitSeconds` > 0) asks every SQS server, so an empty answer means empty.
 * If the same message comes twice in one answer, only its newest receipt handle is kept.
 */
export async function receiveMessages(
  sqs: SQSClient,
  request: { queueUrl: string; max: number; visibilityTimeout: number; waitSeconds: number },
): Promise<ReceivedQueueMessage[]> {
  const { ReceiveMessageCommand } = await import("@aws-sdk/client-sqs");
  const answer = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: request.queueUrl,
      MaxNumberOfMessages: request.max,
      VisibilityTimeout: request.visibilityTimeout,
      WaitTimeSeconds: request.waitSeconds,
      MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
      MessageAttributeNames: ["All"],
    }),
  );
  const byId = new Map<string, ReceivedQueueMessage>();
  for (const message of answer.Messages ?? []) {
    const received = toReceived(message);
    if (received) byId.set(received.messageId, received);
  }
  return [...byId.values()];
}

export interface EntryFailure {
  id: string;
  code: string;
  message: string;
}

/** Splits `items` into SQS batches: at most 10 entries and, past the first, `maxBytes` of body. */
export function sqsBatches<T>(items: readonly T[], size: (item: T) => number, maxBytes: number) {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const itemBytes = size(item);
    if (current.length === 10 || (current.length > 0 && bytes + itemBytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += itemBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Deletes by receipt handle, 10 to a request. Entries SQS could not delete (typically a handle
 * whose visibility timeout ran out, so the message will come again) are returned, not thrown;
 * a request that fails as a whole (access denied, no such queue) throws.
 */
export async function deleteMessages(
  sqs: SQSClient,
  queueUrl: string,
  entries: readonly { id: string; receiptHandle: string }[],
): Promise<{ deleted: string[]; failed: EntryFailure[] }> {
  const { DeleteMessageBatchCommand } = await import("@aws-sdk/client-sqs");
  const deleted: string[] = [];
  const failed: EntryFailure[] = [];
  for (const batch of sqsBatches(entries, () => 0, Number.POSITIVE_INFINITY)) {
    // Batch entry IDs must be unique and [A-Za-z0-9_-]: positions, mapped back after.
    const answer = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((entry, index) => ({
          Id: String(index),
          ReceiptHandle: entry.receiptHandle,
        })),
      }),
    );
    for (const ok of answer.Successful ?? []) deleted.push(batch[Number(ok.Id)].id);
    for (const bad of answer.Failed ?? []) {
      failed.push({
        id: batch[Number(bad.Id)].id,
        code: bad.Code ?? "Unknown",
        message: bad.Message ?? "",
      });
    }
  }
  return { deleted, failed };
}
