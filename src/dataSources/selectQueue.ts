import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSqsClient } from "../aws/clients";
import { collectPages } from "../aws/paging";
import { connectionInput, regionInput } from "../inputs/common";
import { sqsEndpointInput } from "../inputs/queue";

export const selectQueue = dataSource({
  display: {
    label: "Select Queue",
    description: "Pick one of the SQS queues of a region (its URL).",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: sqsEndpointInput },
  // AWS errors (bad key, missing sqs:ListQueues) are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { paginateListQueues } = await import("@aws-sdk/client-sqs");
    const client = await createSqsClient(clientSettings(params));
    const urls = await collectPages(
      paginateListQueues({ client, pageSize: 1000 }, {}),
      (page) => page.QueueUrls,
    );
    const name = (url: string) => url.slice(url.lastIndexOf("/") + 1);
    const result = urls
      .map((url) => ({ key: url, label: name(url) }))
      .sort((a, b) => a.label.localeCompare(b.label));
    return { result };
  },
  examplePayload: {
    result: [
      { key: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events", label: "ses-events" },
      {
        key: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events-dlq",
        label: "ses-events-dlq",
      },
    ],
  },
});
