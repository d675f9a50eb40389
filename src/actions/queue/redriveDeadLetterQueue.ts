import { action } from "@prismatic-io/spectral";
import { clientSettings, createSqsClient } from "../../aws/clients";
import { connectionInput, regionInput } from "../../inputs/common";
import {
  deadLetterQueueUrlInput,
  destinationQueueUrlInput,
  maxRedriveMessagesInput,
  redriveTimeBudgetInput,
  sqsEndpointInput,
} from "../../inputs/queue";
import type { EntryFailure } from "../../queue/queueMessages";
import { redriveMessages } from "../../queue/redrive";
import { checkQueueUrl } from "../../values/sqsQueueUrl";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    moved: 42,
    notSent: [] as EntryFailure[],
    notDeleted: [] as EntryFailure[],
    stoppedBy: "empty" as "empty" | "max-messages" | "time-budget",
  },
};

export const redriveDeadLetterQueue = action({
  display: {
    label: "Redrive Dead-Letter Queue",
    description:
      "Moves messages from a dead-letter queue back to the queue the SES Events From SQS trigger reads, once the cause of their failure is fixed. Bodies are unchanged, so signatures still verify, and each message is marked with the ID it had (ses-redrive-of), so the trigger hands its event over again instead of refusing it as a re-sent copy; a message leaves the dead-letter queue only after SQS accepted its copy.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    deadLetterQueueUrl: deadLetterQueueUrlInput,
    destinationQueueUrl: destinationQueueUrlInput,
    maxMessages: maxRedriveMessagesInput,
    timeBudgetSeconds: redriveTimeBudgetInput,
    endpoint: sqsEndpointInput,
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const where = { region: params.region, endpointOverride: params.endpoint !== undefined };
    const from = checkQueueUrl("Dead-Letter Queue URL", params.deadLetterQueueUrl, where);
    const to = checkQueueUrl("Destination Queue URL", params.destinationQueueUrl, where);
    if (from.url === to.url) {
      throw new Error("Destination Queue URL is the dead-letter queue itself: nothing would move.");
    }
    const report = await redriveMessages(await createSqsClient(clientSettings(params)), {
      from: from.url,
      to: to.url,
      maxMessages: params.maxMessages,
      deadline: Date.now() + params.timeBudgetSeconds * 1000,
      onProgress: (moved) => context.logger.info(`Moved ${moved} messages to ${to.name}.`),
    });
    context.logger.info(
      `Redrive from ${from.name} stopped (${report.stoppedBy}): ${report.moved} moved, ${report.notSent.length} not sent, ${report.notDeleted.length} sent but not deleted.`,
    );
    return { data: report };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
