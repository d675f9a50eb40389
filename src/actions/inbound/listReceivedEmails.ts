import type { _Object } from "@aws-sdk/client-s3";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createS3Client } from "../../aws/clients";
import { onePageOrAll } from "../../aws/paging";
import { isStoredMailKey } from "../../inbound/listStoredMail";
import {
  connectionInput,
  fetchAllInput,
  nextTokenInput,
  pageSizeInput,
  regionInput,
} from "../../inputs/common";
import { prefixInput, requiredBucketInput, s3EndpointInput } from "../../inputs/inbound";
import { outputSchemaFrom } from "../outputSchema";

function describe(objects: _Object[]) {
  return objects
    .filter((object) => object.Key && isStoredMailKey(object.Key))
    .sort((a, b) => (b.LastModified?.getTime() ?? 0) - (a.LastModified?.getTime() ?? 0))
    .map((object) => ({
      key: object.Key ?? "",
      messageId: (object.Key ?? "").split("/").pop() ?? "",
      size: object.Size ?? 0,
      lastModified: object.LastModified?.toISOString() ?? null,
    }));
}

const examplePayload = {
  data: {
    emails: [
      {
        key: "inbound/43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
        messageId: "43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
        size: 1169,
        lastModified: "2026-11-23T17:58:43.000Z" as string | null,
      },
    ],
    nextToken: null as string | null,
  },
};

export const listReceivedEmails = action({
  display: {
    label: "List Received Emails",
    description:
      "List the messages a receipt rule stored in S3, newest first (within a page; Fetch All Pages sorts them all).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    bucket: requiredBucketInput,
    prefix: prefixInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(1000, 100),
    nextToken: nextTokenInput,
    endpoint: s3EndpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListObjectsV2Command, paginateListObjectsV2 } = await import("@aws-sdk/client-s3");
    if (!params.bucket) throw new Error("Bucket is required.");
    const s3 = await createS3Client(clientSettings(params));
    const query = { Bucket: params.bucket, Prefix: params.prefix };
    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListObjectsV2({ client: s3, pageSize: 1000 }, query),
      onePage: () =>
        s3.send(
          new ListObjectsV2Command({
            ...query,
            MaxKeys: params.pageSize,
            ContinuationToken: params.nextToken,
          }),
        ),
      itemsOf: (page) => page.Contents,
      nextTokenOf: (page) => page.NextContinuationToken,
    });
    return { data: { emails: describe(items), nextToken } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
