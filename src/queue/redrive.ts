import type { MessageAttributeValue, SQSClient } from "@aws-sdk/client-sqs";
import { REDRIVE_ATTRIBUTE } from "../intake/intakeLedger";
import {
  deleteMessages,
  type EntryFailure,
  type ReceivedQueueMessage,
  receiveMessages,
  sqsBatches,
} from "./queueMessages";

/** A SendMessageBatch request may carry 1 MiB; staying at a quarter of it leaves room for attributes. */
const BATCH_BODY_BYTES = 256 * 1024;
/** Long enough to send a batch on and delete it; a message not moved by then is visible again. */
const MOVE_VISIBILITY_SECONDS = 60;

export interface RedriveReport {
  moved: number;
  /** Could not be sent to the destination: still in the dead-letter queue, visible again soon. */
  notSent: EntryFailure[];
  /** Sent, but SQS did not delete them from the dead-letter queue: they will be moved again (a duplicate the trigger drops once the first copy is acknowledged). */
  notDeleted: EntryFailure[];
  stoppedBy: "empty" | "max-messages" | "time-budget";
}

// Only the attribute types SendMessage takes back; list values are not supported by SQS.
const sendableAttributes = (attributes: Record<string, MessageAttributeValue>) =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      { DataType: value.DataType, StringValue: value.StringValue, BinaryValue: value.BinaryValue },
    ]),
  );

/** SQS takes at most 10 message attributes. */
const MAX_ATTRIBUTES = 10;

/**
 * The message's attributes, plus REDRIVE_ATTRIBUTE naming the message it was (SQS keeps a
 * message's ID when it moves it to the dead-letter queue): the SQS trigger then knows the copy
 * carries an event whose message it handed over before, and hands it over again instead of
 * taking it for a duplicate.
 */
function redriveAttributes(message: ReceivedQueueMessage) {
  const attributes = sendableAttributes(message.messageAttributes);
  const { [REDRIVE_ATTRIBUTE]: _, ...others } = attributes;
  if (Object.keys(others).length >= MAX_ATTRIBUTES) return attributes;
  return { ...others, [REDRIVE_ATTRIBUTE]: { DataType: "String", StringValue: message.messageId } };
}

/**
 * Moves messages from a dead-letter queue back to `to`, body and attributes unchanged but for
 * the redrive mark (below). A message
 * leaves the dead-letter queue only after SQS accepted its copy, so nothing is lost; a failure
 * between the two steps can only leave a duplicate.
 */
export async function redriveMessages(
  sqs: SQSClient,
  options: {
    from: string;
    to: string;
    maxMessages: number;
    deadline: number;
    now?: () => number;
    onProgress?: (moved: number) => void;
  },
): Promise<RedriveReport> {
  const { SendMessageBatchCommand } = await import("@aws-sdk/client-sqs");
  const now = options.now ?? Date.now;
  const report: RedriveReport = { moved: 0, notSent: [], notDeleted: [], stoppedBy: "empty" };
  let handled = 0;
  while (true) {
    if (handled >= options.maxMessages) return { ...report, stoppedBy: "max-messages" };
    if (now() >= options.deadline) return { ...report, stoppedBy: "time-budget" };
    const received = await receiveMessages(sqs, {
      queueUrl: options.from,
      max: Math.min(10, options.maxMessages - handled),
      visibilityTimeout: MOVE_VISIBILITY_SECONDS,
      waitSeconds: 1,
    });
    if (received.length === 0) return report;
    handled += received.length;
    const sent: ReceivedQueueMessage[] = [];
    for (const batch of sqsBatches(received, (m) => Buffer.byteLength(m.body), BATCH_BODY_BYTES)) {
      const answer = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: options.to,
          Entries: batch.map((message, index) => ({
            Id: String(index),
            MessageBody: message.body,
            MessageAttributes: redriveAttributes(message),
          })),
        }),
      );
      for (const ok of answer.Successful ?? []) sent.push(batch[Number(ok.Id)]);
      for (const bad of answer.Failed ?? []) {
        report.notSent.push({
          id: batch[Number(bad.Id)].messageId,
          code: bad.Code ?? "Unknown",
          message: bad.Message ?? "",
        });
      }
    }
    const removed = await deleteMessages(
      sqs,
      options.from,
      sent.map((message) => ({ id: message.messageId, receiptHandle: message.receiptHandle })),
    );
    report.moved += sent.length;
    report.notDeleted.push(...removed.failed);
    options.onProgress?.(report.moved);
  }
}
