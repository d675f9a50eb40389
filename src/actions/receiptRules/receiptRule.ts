import type { ReceiptAction, ReceiptRule, SESClient } from "@aws-sdk/client-ses";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  bucketNameInput,
  kmsKeyArnInput,
  objectKeyPrefixInput,
  requireTlsInput,
  ruleEnabledInput,
  type ruleNameInput,
  ruleRecipientsInput,
  type ruleSetInput,
  ruleTopicInput,
  scanEnabledInput,
} from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

/** One line per action, with what a user needs to act on it. */
function describeAction(action: ReceiptAction) {
  if (action.S3Action) {
    return {
      type: "S3",
      bucket: action.S3Action.BucketName ?? null,
      prefix: action.S3Action.ObjectKeyPrefix ?? null,
      kmsKeyArn: action.S3Action.KmsKeyArn ?? null,
      topicArn: action.S3Action.TopicArn ?? null,
    };
  }
  const [type, value] = Object.entries(action).find(([, v]) => v !== undefined) ?? ["Unknown", {}];
  return {
    type: type.replace(/Action$/, ""),
    bucket: null,
    prefix: null,
    kmsKeyArn: null,
    topicArn: (value as { TopicArn?: string }).TopicArn ?? null,
  };
}

/** A rule as the describe actions report it. */
export function describeRule(rule: ReceiptRule) {
  return {
    name: rule.Name ?? "",
    enabled: rule.Enabled ?? false,
    recipients: rule.Recipients ?? [],
    scanEnabled: rule.ScanEnabled ?? false,
    tlsPolicy: rule.TlsPolicy ?? "Optional",
    actions: (rule.Actions ?? []).map(describeAction),
  };
}

export const exampleRule = {
  name: "store-inbound",
  enabled: true,
  recipients: ["orders@inbound.example.com"],
  scanEnabled: true,
  tlsPolicy: "Optional",
  actions: [
    {
      type: "S3",
      bucket: "inbound-mail" as string | null,
      prefix: "inbound/" as string | null,
      kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" as
        | string
        | null,
      topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound" as string | null,
    },
  ],
};

/** The inputs of a rule that stores mail in S3 and notifies SNS (Create and Update Receipt Rule). */
export interface StoreRuleParams {
  ruleName: string;
  recipients: string[];
  bucket: string;
  prefix?: string;
  kmsKeyArn?: string;
  topicArn?: string;
  scanEnabled: boolean;
  requireTls: boolean;
}

/** The inputs of a rule that stores mail in S3 and notifies SNS, after set and rule name. */
export const storeRuleInputs = {
  recipients: ruleRecipientsInput,
  bucket: bucketNameInput,
  prefix: objectKeyPrefixInput,
  kmsKeyArn: kmsKeyArnInput,
  topicArn: ruleTopicInput,
  scanEnabled: scanEnabledInput,
  requireTls: requireTlsInput,
};

export function storeRule(params: StoreRuleParams, enabled: boolean): ReceiptRule {
  return {
    Name: params.ruleName,
    Enabled: enabled,
    Recipients: params.recipients.length ? params.recipients : undefined,
    ScanEnabled: params.scanEnabled,
    TlsPolicy: params.requireTls ? "Require" : "Optional",
    Actions: [
      {
        S3Action: {
          BucketName: params.bucket,
          ObjectKeyPrefix: params.prefix,
          KmsKeyArn: params.kmsKeyArn,
          TopicArn: params.topicArn,
        },
      },
    ],
  };
}

/** What Create and Update Receipt Rule report of the rule they wrote. */
export function describeStoreRule(ruleSet: string, params: StoreRuleParams) {
  return {
    ruleSet,
    rule: params.ruleName,
    bucket: params.bucket,
    prefix: params.prefix ?? null,
    encrypted: params.kmsKeyArn !== undefined,
    topicArn: params.topicArn ?? null,
  };
}

const examplePayload = {
  data: {
    ruleSet: "default-rule-set",
    rule: "store-inbound",
    bucket: "inbound-mail",
    prefix: "inbound/" as string | null,
    encrypted: true,
    topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound" as string | null,
    enabled: true,
  },
};

/**
 * Create and Update Receipt Rule: the same rule (store in S3, notify SNS) and output, a different
 * SES command, and each its own help for the set and rule name.
 */
export function storeRuleWriteAction(options: {
  label: string;
  description: string;
  ruleSet: typeof ruleSetInput;
  ruleName: typeof ruleNameInput;
  send: (client: SESClient, ruleSet: string, rule: ReceiptRule) => Promise<unknown>;
}) {
  return action({
    display: { label: options.label, description: options.description },
    inputs: {
      connection: connectionInput,
      region: regionInput,
      ruleSet: options.ruleSet,
      ruleName: options.ruleName,
      enabled: ruleEnabledInput,
      ...storeRuleInputs,
      endpoint: endpointInput,
    },
    performSafety: "notAllowed",
    perform: async (_context, params) => {
      const rule = storeRule(params, params.enabled);
      await options.send(await createSesClient(clientSettings(params)), params.ruleSet, rule);
      return { data: { ...describeStoreRule(params.ruleSet, params), enabled: params.enabled } };
    },
    examplePayload,
    outputSchema: outputSchemaFrom(examplePayload.data),
  });
}
