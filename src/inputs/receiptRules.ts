import { input } from "@prismatic-io/spectral";
import { checkReceiptRuleName } from "../values/receiptRuleName";
import { checkBucketName, checkObjectKey } from "../values/s3Names";
import { checkText } from "../values/text";
import {
  cleanBoolean,
  cleanOptional,
  cleanOptionalString,
  cleanString,
  cleanStringList,
} from "./clean";

export const ruleSetInput = input({
  label: "Rule Set",
  type: "string",
  required: true,
  dataSource: "selectReceiptRuleSet",
  comments: "The receipt rule set to add the rule to (usually the active one).",
  example: "default-rule-set",
  clean: (value: unknown) => checkReceiptRuleName("Rule Set", cleanString(value)),
});

export const ruleNameInput = input({
  label: "Rule Name",
  type: "string",
  required: true,
  comments: "Name of the new rule; it becomes the aws:ses:rule-name of mail it stores encrypted.",
  example: "store-inbound",
  clean: (value: unknown) => checkReceiptRuleName("Rule Name", cleanString(value)),
});

export const ruleRecipientsInput = input({
  label: "Recipients",
  type: "string",
  collection: "valuelist",
  required: false,
  comments:
    "Addresses or domains the rule applies to (e.g. orders@example.com, example.com, .example.com for subdomains). Empty for every verified domain.",
  example: "orders@inbound.example.com",
  clean: (value: unknown) =>
    cleanStringList(value).map((recipient) => {
      checkText("Recipients", recipient, { maxLength: 320, lineBreaks: false });
      if (/\s/.test(recipient)) throw new Error(`Recipients: "${recipient}" contains a space.`);
      return recipient;
    }),
});

export const bucketNameInput = input({
  label: "S3 Bucket",
  type: "string",
  required: true,
  comments:
    "Where SES stores each message. Its bucket policy must let SES (ses.amazonaws.com) put objects, for your account.",
  example: "inbound-mail",
  clean: (value: unknown) => {
    return checkBucketName("S3 Bucket", cleanString(value));
  },
});

export const objectKeyPrefixInput = input({
  label: "Object Key Prefix",
  type: "string",
  required: false,
  comments: "Key prefix for stored messages (each is stored as <prefix><message id>).",
  example: "inbound/",
  clean: cleanOptional((text) => checkObjectKey("Object Key Prefix", text)),
});

export const kmsKeyArnInput = input({
  label: "KMS Key ARN",
  type: "string",
  required: false,
  comments:
    "Encrypt stored messages with this KMS key (SES uses the S3 encryption client's envelope; Fetch Received Email decrypts it). Its key policy must let SES use it. Empty stores plain MIME.",
  example: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  clean: (value: unknown) => {
    const arn = cleanOptionalString(value);
    if (arn && !/^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/.test(arn)) {
      throw new Error(`KMS Key ARN "${arn}" is not a KMS key or alias ARN.`);
    }
    return arn;
  },
});

export const ruleTopicInput = input({
  label: "Notify SNS Topic",
  type: "string",
  required: false,
  comments:
    "SNS topic SES notifies when it stores a message: subscribe the Received Email trigger to it.",
  example: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
  clean: cleanOptionalString,
});

export const scanEnabledInput = input({
  label: "Spam and Virus Scan",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Let SES scan messages for spam and viruses (verdicts appear in the notification).",
  clean: cleanBoolean("Spam and Virus Scan", true),
});

export const requireTlsInput = input({
  label: "Require TLS",
  type: "boolean",
  required: false,
  default: "false",
  comments: "Reject mail that was not sent over TLS.",
  clean: cleanBoolean("Require TLS"),
});
