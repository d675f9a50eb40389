import { input } from "@prismatic-io/spectral";
import isIP from "validator/lib/isIP";
import isIPRange from "validator/lib/isIPRange";
import { parseBareAddress } from "../mail/addresses";
import { checkReceiptRuleName } from "../values/receiptRuleName";
import { checkBucketName, checkObjectKey } from "../values/s3Names";
import { checkText } from "../values/text";
import {
  cleanBoolean,
  cleanChoice,
  cleanOptional,
  cleanOptionalString,
  cleanString,
  cleanStringList,
} from "./clean";
import { checkTopicArn } from "./topicArn";

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
  clean: cleanOptional((text) => checkTopicArn("Notify SNS Topic", text)),
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

export const newRuleSetNameInput = input({
  label: "Rule Set Name",
  type: "string",
  required: true,
  comments:
    "Name of the new rule set (letters, digits, periods, underscores and dashes, at most 64).",
  example: "inbound-2026",
  clean: (value: unknown) => checkReceiptRuleName("Rule Set Name", cleanString(value)),
});

export const existingRuleSetInput = {
  ...ruleSetInput,
  comments: "The receipt rule set.",
};

export const activeRuleSetInput = input({
  label: "Rule Set",
  type: "string",
  required: false,
  dataSource: "selectReceiptRuleSet",
  comments:
    "The rule set to make active: SES applies only the active set to incoming mail. Leave empty to deactivate receiving (no set active).",
  example: "inbound-2026",
  clean: cleanOptional((text) => checkReceiptRuleName("Rule Set", text)),
});

export const existingRuleNameInput = input({
  label: "Rule Name",
  type: "string",
  required: true,
  comments: "The receipt rule, in the rule set.",
  example: "store-inbound",
  clean: (value: unknown) => checkReceiptRuleName("Rule Name", cleanString(value)),
});

export const ruleOrderInput = input({
  label: "Rule Order",
  type: "string",
  collection: "valuelist",
  required: true,
  comments:
    "Every rule of the set, in the order SES should apply them (SES requires all of them, each once).",
  example: "store-inbound",
  clean: (value: unknown) => {
    const names = cleanStringList(value).map((name) => checkReceiptRuleName("Rule Order", name));
    if (names.length === 0) throw new Error("Rule Order: list the set's rules.");
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated) throw new Error(`Rule Order names "${repeated}" twice.`);
    return names;
  },
});

export const ruleEnabledInput = input({
  label: "Enabled",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Off keeps the rule in the set without applying it.",
  clean: cleanBoolean("Enabled", true),
});

export const receiptFilterNameInput = input({
  label: "Filter Name",
  type: "string",
  required: true,
  comments:
    "Name of the IP address filter: letters, digits, periods, underscores and dashes, starting and ending with a letter or digit, at most 64.",
  example: "block-spam-range",
  clean: (value: unknown) => checkReceiptRuleName("Filter Name", cleanString(value)),
});

export const receiptFilterCidrInput = input({
  label: "IP Address or Range",
  type: "string",
  required: true,
  comments: "An IPv4 address (203.0.113.7) or range in CIDR notation (203.0.113.0/24).",
  example: "203.0.113.0/24",
  clean: (value: unknown) => {
    const text = cleanString(value).trim();
    if (!isIP(text, 4) && !isIPRange(text, 4)) {
      throw new Error(
        `IP Address or Range "${text.slice(0, 60)}" is not an IPv4 address or CIDR range (SES receipt filters are IPv4).`,
      );
    }
    return text;
  },
});

export const RECEIPT_FILTER_POLICIES = ["Block", "Allow"] as const;

export const existingReceiptFilterInput = {
  ...receiptFilterNameInput,
  dataSource: "selectReceiptFilter",
  comments: "The IP address filter.",
};

export const receiptFilterPolicyInput = input({
  label: "Policy",
  type: "string",
  required: true,
  default: "Block",
  model: [
    { label: "Block mail from these addresses", value: "Block" },
    {
      label: "Allow mail from these addresses (even if another filter blocks them)",
      value: "Allow",
    },
  ],
  comments: "Whether SES refuses or always accepts mail from these addresses.",
  clean: cleanChoice("Policy", RECEIPT_FILTER_POLICIES, "Block"),
});

export const BOUNCE_TYPES = [
  "DoesNotExist",
  "MessageTooLarge",
  "ExceededQuota",
  "ContentRejected",
  "Undefined",
  "TemporaryFailure",
] as const;

export const originalMessageIdInput = input({
  label: "Original Message ID",
  type: "string",
  required: true,
  comments:
    "The SES message ID of the received mail to bounce (mail.messageId of the Received Email trigger, or the object key's last part).",
  example: "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1",
  clean: (value: unknown) => {
    const text = cleanString(value).trim();
    if (!/^[A-Za-z0-9._@-]{1,255}$/.test(text)) {
      throw new Error(`Original Message ID "${text.slice(0, 60)}" is not an SES message ID.`);
    }
    return text;
  },
});

export const bounceExplanationInput = input({
  label: "Explanation",
  type: "string",
  required: false,
  comments: "A human-readable reason, put in the bounce message's text.",
  example: "This address no longer accepts mail.",
  clean: cleanOptional((text) =>
    checkText("Explanation", text, { maxLength: 2000, lineBreaks: true }),
  ),
});

export const bounceTypeInput = input({
  label: "Bounce Type",
  type: "string",
  required: true,
  default: "DoesNotExist",
  model: BOUNCE_TYPES.map((type) => ({ label: type, value: type })),
  comments: "Why the mail bounces, for every recipient listed.",
  clean: cleanChoice("Bounce Type", BOUNCE_TYPES, "DoesNotExist"),
});

export const bounceSenderInput = input({
  label: "Bounce Sender",
  type: "string",
  required: true,
  comments:
    "The address the bounce comes from (its MAIL FROM); it must be, or belong to a domain, verified as an SES identity in this region.",
  example: "mailer-daemon@inbound.example.com",
  clean: (value: unknown) => parseBareAddress("Bounce Sender", cleanString(value)),
});

export const bounceRecipientsInput = input({
  label: "Bounced Recipients",
  type: "string",
  collection: "valuelist",
  required: true,
  comments: "The recipients of the received mail to bounce for (bare addresses).",
  example: "former.employee@inbound.example.com",
  clean: (value: unknown) => {
    const recipients = cleanStringList(value).map((item) =>
      parseBareAddress("Bounced Recipients", item),
    );
    if (recipients.length === 0) throw new Error("Bounced Recipients: give at least one address.");
    return recipients;
  },
});
