import { clientSettings, createKmsClient, createS3Client } from "../aws/clients";
import { fetchStoredMail, storedMailChecks } from "../inbound/fetchStoredMail";
import { parseReceivedEmail } from "../mail/parseReceived";
import { verdictsFromNotification } from "../mail/sesVerdicts";
import { kmsUnwrap } from "../s3crypto/kmsUnwrap";
import type { SesEvent } from "../sesEvents/normalize";

/** The inputs of Fetch Email Content, shared by the Received Email and SQS triggers. */
export type ReceivedMailParams = {
  connection?: Parameters<typeof clientSettings>[0]["connection"];
  region: string;
  endpoint?: string;
  fetchEmail: boolean;
  expectedBucket?: string;
  expectedKeyPrefix?: string;
  expectedAccountId?: string;
  expectedRuleName?: string;
  expectedKmsKeyArn?: string;
  requireEncryption: boolean;
  maxSizeMb: number;
  allowLegacyCbc: boolean;
};

/**
 * The event names the object to read: anyone who can publish to the topic or send to the queue
 * could name any object the Connection reads. Checked before any S3 call.
 */
function checkExpectedObject(bucket: string, key: string, params: ReceivedMailParams) {
  if (params.expectedBucket && bucket !== params.expectedBucket) {
    throw new Error(
      `The event names s3://${bucket.slice(0, 63)}/..., not the Expected Bucket ${params.expectedBucket}: refused, nothing was read.`,
    );
  }
  if (params.expectedKeyPrefix && !key.startsWith(params.expectedKeyPrefix)) {
    throw new Error(
      `The event names an object outside the Expected Key Prefix ${params.expectedKeyPrefix}: refused, nothing was read.`,
    );
  }
}

/** The received message itself: from S3 (decrypted when SES encrypted it), or the SNS action's content. */
async function receivedContent(
  event: SesEvent & { receipt?: unknown },
  params: ReceivedMailParams,
) {
  const receipt = "receipt" in event ? event.receipt : undefined;
  const action = receipt?.action;
  if (action?.type === "SNS") {
    const content = "content" in event ? event.content : null;
    if (!content) throw new Error("The SNS receipt notification carries no content.");
    const bytes = Buffer.from(content, action.encoding === "BASE64" ? "base64" : "utf8");
    return { raw: bytes, encryption: null };
  }
  if (action?.type === "S3" && action.bucket && action.key) {
    checkExpectedObject(action.bucket, action.key, params);
    if (!params.connection) {
      throw new Error(
        "Fetch Email Content needs a Connection (s3:GetObject, and kms:Decrypt for encrypted mail) to read the mail from S3.",
      );
    }
    const settings = clientSettings({
      connection: params.connection,
      region: params.region,
      endpoint: params.endpoint,
    });
    const stored = await fetchStoredMail({
      s3: await createS3Client(settings),
      unwrapKey: kmsUnwrap(() => createKmsClient({ ...settings, endpoint: undefined })),
      location: { bucket: action.bucket, key: action.key },
      ...storedMailChecks(params),
    });
    return { raw: stored.raw, encryption: stored.encryption };
  }
  return undefined;
}

/**
 * The flow's `email` and `encryption` for a Received event: the message fetched (from S3,
 * decrypted and authenticated, or from the SNS action's content) and parsed, with SES's
 * verdicts from the signed notification, never from headers the sender wrote.
 */
export async function receivedMail(event: SesEvent, params: ReceivedMailParams) {
  if (!params.fetchEmail) return { email: null, encryption: null };
  const content = await receivedContent(event, params);
  if (!content) return { email: null, encryption: null };
  const verdicts = "receipt" in event ? event.receipt?.verdicts : undefined;
  return {
    email: await parseReceivedEmail(content.raw, {
      verdicts: verdicts && verdictsFromNotification(verdicts),
    }),
    encryption: content.encryption,
  };
}
