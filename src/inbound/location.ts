import { checkBucketName } from "../values/s3Names";

/** Where SES stored a received message. */
export interface StoredMailLocation {
  bucket: string;
  key: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function parseJson(value: unknown): unknown {
  if (typeof value !== "string" && !Buffer.isBuffer(value)) return value;
  try {
    return JSON.parse(value.toString());
  } catch {
    throw new Error(
      "Notification is not JSON: give the SES receipt notification, or its S3 action.",
    );
  }
}

/** The bucket and key from any of the shapes a flow may hold, or undefined. */
function find(value: unknown): StoredMailLocation | undefined {
  const data = parseJson(value);
  if (!isObject(data)) return undefined;
  // An SNS envelope: the SES notification is its Message, as JSON text.
  if (typeof data.Message === "string") return find(data.Message);
  // The Received Email (or SQS) trigger's output: the normalised event is under `event`.
  if (isObject(data.event)) return find(data.event);
  // An SES receipt notification: receipt.action is the S3 action.
  if (isObject(data.receipt)) return find(data.receipt.action);
  // The Received Email trigger's output, or an SES S3 action on its own.
  if (isObject(data.action)) return find(data.action);
  if (typeof data.bucketName === "string" && typeof data.objectKey === "string") {
    return { bucket: data.bucketName, key: data.objectKey };
  }
  if (typeof data.bucket === "string" && typeof data.key === "string") {
    return { bucket: data.bucket, key: data.key };
  }
  // An S3 event notification: keys there are URL-encoded, with "+" for spaces.
  if (Array.isArray(data.Records) && isObject(data.Records[0]) && isObject(data.Records[0].s3)) {
    const s3 = data.Records[0].s3 as { bucket?: { name?: string }; object?: { key?: string } };
    if (s3.bucket?.name && s3.object?.key) {
      return { bucket: s3.bucket.name, key: decodeURIComponent(s3.object.key.replace(/\+/g, " ")) };
    }
  }
  return undefined;
}

/**
 * The stored message's location: from Bucket and Object Key, or from a notification (SNS
 * envelope, SES receipt notification, S3 action, S3 event). Explicit inputs win.
 */
export function locateStoredMail(inputs: {
  bucket?: string;
  objectKey?: string;
  notification?: unknown;
}): StoredMailLocation {
  const fromNotification =
    inputs.notification === undefined || inputs.notification === ""
      ? undefined
      : find(inputs.notification);
  if (inputs.notification !== undefined && inputs.notification !== "" && !fromNotification) {
    if (!inputs.bucket || !inputs.objectKey) {
      throw new Error(
        "Notification has no S3 location: it must be an SES receipt notification whose action is S3 (with bucketName and objectKey), or that S3 action.",
      );
    }
  }
  const bucket = inputs.bucket || fromNotification?.bucket;
  const key = inputs.objectKey || fromNotification?.key;
  if (!bucket) throw new Error("Bucket is required (or a Notification that names it).");
  if (!key) throw new Error("Object Key is required (or a Notification that names it).");
  return { bucket: checkBucketName("Bucket", bucket), key };
}
