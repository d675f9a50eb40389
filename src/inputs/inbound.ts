import { input } from "@prismatic-io/spectral";
import { cleanBoolean, cleanInteger, cleanOptionalString, cleanString } from "./clean";
import { endpointInput } from "./common";

export const bucketInput = input({
  label: "Bucket",
  type: "string",
  required: false,
  comments: "The S3 bucket of the receipt rule's S3 action. Not needed when Notification is given.",
  example: "inbound-mail",
  clean: cleanOptionalString,
});

export const requiredBucketInput = input({
  label: "Bucket",
  type: "string",
  required: true,
  comments: "The S3 bucket of the receipt rule's S3 action.",
  example: "inbound-mail",
  clean: cleanString,
});

export const objectKeyInput = input({
  label: "Object Key",
  type: "string",
  required: false,
  comments:
    "The object key: the rule's prefix followed by the SES message ID. Not needed when Notification is given.",
  example: "inbound/43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
  clean: cleanOptionalString,
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
    "The 12-digit AWS account whose SES stored the mail. When set, an encrypted mail whose encryption context (aws:ses:source-account) names another account is refused, and an unencrypted one is refused too.",
  example: "111122223333",
  clean: (value: unknown) => {
    const text = cleanString(value);
    if (text === "") return undefined;
    if (!/^\d{12}$/.test(text))
      throw new Error(`Expected Account ID must be 12 digits, not "${text}".`);
    return text;
  },
});

export const expectedRuleNameInput = input({
  label: "Expected Rule Name",
  type: "string",
  required: false,
  comments:
    "The receipt rule that stored the mail. When set, a mail whose encryption context (aws:ses:rule-name) names another rule is refused.",
  example: "store-inbound",
  clean: cleanOptionalString,
});

export const maxSizeInput = input({
  label: "Max Size (MB)",
  type: "string",
  required: false,
  default: "30",
  comments: "Refuse stored mail larger than this, before downloading it. SES stores at most 30 MB.",
  clean: cleanInteger("Max Size (MB)", 1, 40, 30),
});

export const includeRawInput = input({
  label: "Include Raw MIME",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Also return the whole decrypted message (.eml) as a file, e.g. to archive or forward it.",
  clean: cleanBoolean,
});

export const allowLegacyCbcInput = input({
  label: "Allow Legacy AES-CBC",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "SES encrypts with AES-GCM, which detects tampering. Objects written by old S3 encryption clients with AES-CBC cannot be checked for tampering; they are refused unless this is on.",
  clean: cleanBoolean,
});

export const prefixInput = input({
  label: "Prefix",
  type: "string",
  required: false,
  comments: "The receipt rule's object key prefix; empty for the whole bucket.",
  example: "inbound/",
  clean: cleanOptionalString,
});

export const s3EndpointInput = {
  ...endpointInput,
  label: "S3 Endpoint Override",
  comments:
    "Leave empty for AWS's S3 endpoint. Set an http(s) URL for an S3-compatible endpoint or a local emulator (path-style addressing is used). KMS always uses the region's endpoint.",
};
