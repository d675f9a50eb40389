import { input } from "@prismatic-io/spectral";
import { checkReceiptRuleName } from "../values/receiptRuleName";
import { checkBucketName, checkObjectKey } from "../values/s3Names";
import { cleanAccountId, cleanBoolean, cleanInteger, cleanOptional, cleanString } from "./clean";
import { endpointInput } from "./common";

export const bucketInput = input({
  label: "Bucket",
  type: "string",
  required: false,
  comments: "The S3 bucket of the receipt rule's S3 action. Not needed when Notification is given.",
  example: "inbound-mail",
  clean: cleanOptional((text) => checkBucketName("Bucket", text)),
});

export const requiredBucketInput = input({
  label: "Bucket",
  type: "string",
  required: true,
  comments: "The S3 bucket of the receipt rule's S3 action.",
  example: "inbound-mail",
  clean: (value: unknown) => checkBucketName("Bucket", cleanString(value)),
});

export const objectKeyInput = input({
  label: "Object Key",
  type: "string",
  required: false,
  comments:
    "The object key: the rule's prefix followed by the SES message ID. Not needed when Notification is given.",
  example: "inbound/43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
  clean: cleanOptional((text) => checkObjectKey("Object Key", text)),
});

export const notificationInput = input({
  label: "Notification",
  type: "code",
  language: "json",
  required: false,
  comments:
    "Instead of Bucket and Object Key: the SES receipt notification (the Received Email trigger's output, or the raw SNS message), or the S3 action from it. Bucket and key are read from it.",
});

export const expectedAccountIdInput = input({
  label: "Expected Account ID",
  type: "string",
  required: false,
  comments:
    "The 12-digit AWS account whose SES stored the mail. When set, an encrypted mail is refused when its encryption context (aws:ses:source-account) names another account or its data key was wrapped under a KMS key of another account; an unencrypted one is refused too.",
  example: "111122223333",
  clean: cleanAccountId("Expected Account ID"),
});

export const expectedRuleNameInput = input({
  label: "Expected Rule Name",
  type: "string",
  required: false,
  comments:
    "The receipt rule that stored the mail. When set, a mail whose encryption context (aws:ses:rule-name) names another rule is refused.",
  example: "store-inbound",
  clean: cleanOptional((text) => checkReceiptRuleName("Expected Rule Name", text)),
});

export const expectedKmsKeyArnInput = input({
  label: "Expected KMS Key ARN",
  type: "string",
  required: false,
  comments:
    "The ARN of the KMS key your receipt rule encrypts with (arn:aws:kms:<region>:<account>:key/<id>; a key ARN, not an alias). Recommended: it is passed to KMS Decrypt as KeyId, so mail whose data key was wrapped under any other key (say, a key in another account that happens to let you decrypt) is refused. The encryption context checked by Expected Account ID and Expected Rule Name is chosen by whoever encrypts; the key is not. An unencrypted object is refused too.",
  example: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  clean: (value: unknown) => {
    const text = cleanString(value);
    if (text === "") return undefined;
    if (!/^arn:aws(?:-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]{1,128}$/.test(text)) {
      throw new Error(
        `Expected KMS Key ARN must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>), not "${text.slice(0, 120)}".`,
      );
    }
    return text;
  },
});

export const requireEncryptionInput = input({
  label: "Require Encryption",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Refuse a stored mail that SES did not encrypt. Turn on when your receipt rule encrypts with KMS: then an unencrypted object put in its place (by anyone who can write to the bucket) is refused, whatever the other Expected inputs say.",
  clean: cleanBoolean("Require Encryption"),
});

export const maxSizeInput = input({
  label: "Max Size (MB)",
  type: "string",
  required: false,
  default: "40",
  comments:
    "Refuse stored mail larger than this, before downloading it. SES's S3 action stores messages of up to 40 MB, headers included, so the default lets every stored mail through; lower it to bound what one step downloads.",
  clean: cleanInteger("Max Size (MB)", 1, 40, 40),
});

export const includeRawInput = input({
  label: "Include Raw MIME",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Also return the whole decrypted message (.eml) as a file, e.g. to archive or forward it.",
  clean: cleanBoolean("Include Raw MIME"),
});

export const allowLegacyCbcInput = input({
  label: "Allow Legacy AES-CBC",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "SES encrypts with AES-GCM, which detects tampering. Objects written by old S3 encryption clients with AES-CBC cannot be checked for tampering; they are refused unless this is on.",
  clean: cleanBoolean("Allow Legacy AES-CBC"),
});

export const prefixInput = input({
  label: "Prefix",
  type: "string",
  required: false,
  comments: "The receipt rule's object key prefix; empty for the whole bucket.",
  example: "inbound/",
  clean: cleanOptional((text) => checkObjectKey("Prefix", text)),
});

export const s3EndpointInput = {
  ...endpointInput,
  label: "S3 Endpoint Override",
  comments:
    "Leave empty for AWS's S3 endpoint. Set an http(s) URL for an S3-compatible endpoint or a local emulator (path-style addressing is used). KMS always uses the region's endpoint.",
};

/** What Fetch Email Content checks, shared by the Received Email and SQS triggers. */
export const expectedBucketInput = input({
  label: "Expected Bucket",
  type: "string",
  required: false,
  comments:
    "The bucket your receipt rule's S3 action writes to. Recommended: the event names the object to read, and anyone who can publish to the topic (or send to the queue) could name any object the Connection can read; with this set, an event naming another bucket is refused before any S3 call.",
  example: "inbound-mail",
  clean: cleanOptional((text) => checkBucketName("Expected Bucket", text)),
});

export const expectedKeyPrefixInput = input({
  label: "Expected Key Prefix",
  type: "string",
  required: false,
  comments:
    "The receipt rule's object key prefix (e.g. inbound/): with Expected Bucket, an event naming an object outside it is refused before any S3 call.",
  example: "inbound/",
  clean: cleanOptional((text) => checkObjectKey("Expected Key Prefix", text)),
});

/** How a stored mail is read and checked: Fetch Received Email's checks, for the triggers. */
export const storedMailCheckInputs = {
  expectedAccountId: expectedAccountIdInput,
  expectedRuleName: expectedRuleNameInput,
  expectedKmsKeyArn: expectedKmsKeyArnInput,
  requireEncryption: requireEncryptionInput,
  maxSizeMb: maxSizeInput,
  allowLegacyCbc: allowLegacyCbcInput,
};

export const receivedMailInputs = {
  expectedBucket: expectedBucketInput,
  expectedKeyPrefix: expectedKeyPrefixInput,
  ...storedMailCheckInputs,
};
