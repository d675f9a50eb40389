import { action } from "@prismatic-io/spectral";
import { clientSettings, createSqsClient } from "../../aws/clients";
import { connectionInput, regionInput } from "../../inputs/common";
import { queueEventsInput, sqsEndpointInput } from "../../inputs/queue";
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

/** A batch comes from one queue; a list naming many is not one. */
const MAX_QUEUES = 10;

export const acknowledgeSesEvents = action({
  display: {
    label: "Acknowledge SES Events",
    description:
      "Deletes the SQS messages of events the SES Events From SQS trigger handed this execution. Make it the flow's last step: a message leaves the queue only when the flow got this far. It writes no state, so any number of batch executions can acknowledge at once.",
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
      const { url } = checkQueueUrl("Events' queue.url", position.url, {
        region: params.region,
        endpointOverride: params.endpoint !== undefined,
      });
      byQueue.set(url, [...(byQueue.get(url) ?? []), position]);
      if (byQueue.size > MAX_QUEUES) {
        throw new Error(
          `Events name more than ${MAX_QUEUES} queues: a batch of the SES Events From SQS trigger comes from one queue. Map the trigger's body.data.`,
        );
      }
    }
    const sqs = await createSqsClient(clientSettings(params));
    const notDeleted: (EntryFailure & { deliveryKey: string })[] = [];
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
          `SQS did not delete message ${failure.id} (${failure.code}): it comes back after its visibility timeout and goes to a flow again (a receipt handle expires with it; a long flow needs a longer Visibility Timeout).`,
        );
      }
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
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
