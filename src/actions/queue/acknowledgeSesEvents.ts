import { action } from "@prismatic-io/spectral";
import { clientSettings, createSqsClient } from "../../aws/clients";
import { connectionInput, regionInput } from "../../inputs/common";
import { queueEventsInput, sqsEndpointInput } from "../../inputs/queue";
import { acknowledge, acknowledgedStateKey, readAcknowledgedLog } from "../../intake/intakeLedger";
import { queuePositions } from "../../intake/queueItem";
import { deleteMessages, type EntryFailure } from "../../queue/queueMessages";
import { checkQueueUrl } from "../../values/sqsQueueUrl";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    acknowledged: 2,
    deliveryKeys: [
      "sns:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
      "sns:0d9cf4a9-2d5e-5b8e-9b1e-7c4f6f3a2b10",
    ],
    notDeleted: [] as (EntryFailure & { deliveryKey: string })[],
  },
};

export const acknowledgeSesEvents = action({
  display: {
    label: "Acknowledge SES Events",
    description:
      "Deletes the SQS messages of events the SES Events From SQS trigger handed this execution, and records them as handled so later copies are dropped. Make it the flow's last step: a message leaves the queue only when the flow got this far.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    events: queueEventsInput,
    endpoint: sqsEndpointInput,
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const positions = queuePositions("Events", params.events);
    const byQueue = new Map<string, typeof positions>();
    for (const position of positions) {
      checkQueueUrl("Events' queue.url", position.url, {
        region: params.region,
        endpointOverride: params.endpoint !== undefined,
      });
      byQueue.set(position.url, [...(byQueue.get(position.url) ?? []), position]);
    }
    const sqs = await createSqsClient(clientSettings(params));
    const now = Date.now();
    const notDeleted: (EntryFailure & { deliveryKey: string })[] = [];
    const crossFlowState: Record<string, unknown> = { ...context.crossFlowState };
    for (const [url, entries] of byQueue) {
      const result = await deleteMessages(
        sqs,
        url,
        entries.map((entry) => ({ id: entry.messageId, receiptHandle: entry.receiptHandle })),
      );
      for (const failure of result.failed) {
        const deliveryKey = entries.find((entry) => entry.messageId === failure.id)?.deliveryKey;
        notDeleted.push({ ...failure, deliveryKey: deliveryKey ?? "" });
        context.logger.warn(
          `SQS did not delete message ${failure.id} (${failure.code}): it will come again, and the trigger will drop it as a copy of an acknowledged event.`,
        );
      }
      // Every handled event is recorded, deleted or not: a copy that comes back is then dropped.
      const key = acknowledgedStateKey(url);
      crossFlowState[key] = acknowledge(
        readAcknowledgedLog(context.crossFlowState?.[key]),
        entries.map((entry) => entry.deliveryKey),
        now,
      );
    }
    context.logger.info(
      `Acknowledged ${positions.length} SES events: ${positions.length - notDeleted.length} deleted from the queue.`,
    );
    return {
      data: {
        acknowledged: positions.length,
        deliveryKeys: positions.map((position) => position.deliveryKey),
        notDeleted,
      },
      crossFlowState,
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
