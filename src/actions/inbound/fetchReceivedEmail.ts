import { action } from "@prismatic-io/spectral";
import { clientSettings, createKmsClient, createS3Client } from "../../aws/clients";
import { fetchStoredMail, storedMailChecks } from "../../inbound/fetchStoredMail";
import { locateStoredMail } from "../../inbound/location";
import { connectionInput, regionInput } from "../../inputs/common";
import {
  allowLegacyCbcInput,
  bucketInput,
  expectedAccountIdInput,
  expectedKmsKeyArnInput,
  expectedRuleNameInput,
  includeRawInput,
  maxSizeInput,
  notificationInput,
  objectKeyInput,
  requireEncryptionInput,
  s3EndpointInput,
} from "../../inputs/inbound";
import { parseReceivedEmail } from "../../mail/parseReceived";
import { kmsUnwrap } from "../../s3crypto/kmsUnwrap";
import { fetchReceivedEmailExample } from "./fetchReceivedEmailExample";

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const fetchReceivedEmail = action({
  display: {
    label: "Fetch Received Email",
    description:
      "Fetch a message SES stored in S3, decrypt it if SES encrypted it with KMS (checking it was not altered and came from the expected account and rule), and parse it into fields and attachment files.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    bucket: bucketInput,
    objectKey: objectKeyInput,
    notification: notificationInput,
    expectedAccountId: expectedAccountIdInput,
    expectedRuleName: expectedRuleNameInput,
    expectedKmsKeyArn: expectedKmsKeyArnInput,
    requireEncryption: requireEncryptionInput,
    maxSizeMb: maxSizeInput,
    includeRawMime: includeRawInput,
    allowLegacyCbc: allowLegacyCbcInput,
    endpoint: s3EndpointInput,
  },
  performSafety: "safe",
  perform: async (context, params) => {
    const location = locateStoredMail(params);
    const settings = clientSettings(params);
    const startedAt = Date.now();
    const stored = await fetchStoredMail({
      s3: await createS3Client(settings),
      unwrapKey: kmsUnwrap(() => createKmsClient({ ...settings, endpoint: undefined })),
      location,
      ...storedMailChecks(params),
    });
    const fetchedAt = Date.now();
    const email = await parseReceivedEmail(stored.raw);
    context.logger.info(
      `Fetched s3://${location.bucket}/${location.key}: ${megabytes(stored.storedSize)} stored, ${
        stored.encryption.encrypted
          ? `decrypted (${stored.encryption.contentAlgorithm}${stored.encryption.authenticated ? ", authenticated" : ""})`
          : "not encrypted"
      }, ${email.attachments.length} attachment(s); read${stored.encryption.encrypted ? " and decrypt" : ""} ${seconds(fetchedAt - startedAt)}, parse ${seconds(Date.now() - fetchedAt)}.`,
    );
    return {
      data: {
        bucket: location.bucket,
        key: location.key,
        size: stored.raw.length,
        encryption: stored.encryption,
        ...email,
        raw: params.includeRawMime ? { data: stored.raw, contentType: "message/rfc822" } : null,
      },
    };
  },
  examplePayload: fetchReceivedEmailExample,
});
