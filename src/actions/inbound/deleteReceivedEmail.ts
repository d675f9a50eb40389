import { action } from "@prismatic-io/spectral";
import { clientSettings, createS3Client } from "../../aws/clients";
import { locateStoredMail } from "../../inbound/location";
import { connectionInput, regionInput } from "../../inputs/common";
import {
  bucketInput,
  notificationInput,
  objectKeyInput,
  s3EndpointInput,
} from "../../inputs/inbound";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    bucket: "inbound-mail",
    key: "inbound/43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
    deleted: true,
  },
};

export const deleteReceivedEmail = action({
  display: {
    label: "Delete Received Email",
    description:
      "Delete a message SES stored in S3 (and its instruction file, if an encryption client wrote one).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    bucket: bucketInput,
    objectKey: objectKeyInput,
    notification: notificationInput,
    endpoint: s3EndpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteObjectCommand } = await import("@aws-sdk/client-s3");
    const { bucket, key } = locateStoredMail(params);
    const s3 = await createS3Client(clientSettings(params));
    // S3 deletes are idempotent: deleting an instruction file that does not exist is not an error.
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `${key}.instruction` }));
    return { data: { bucket, key, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
