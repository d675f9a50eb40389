import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  bucketNameInput,
  existingRuleNameInput,
  existingRuleSetInput,
  kmsKeyArnInput,
  objectKeyPrefixInput,
  requireTlsInput,
  ruleEnabledInput,
  ruleRecipientsInput,
  ruleTopicInput,
  scanEnabledInput,
} from "../../inputs/receiptRules";
import { topicRegion } from "../../sns/snsMessage";
import { outputSchemaFrom } from "../outputSchema";
import { storeRule } from "./receiptRule";

const examplePayload = {
  data: {
    ruleSet: "default-rule-set",
    rule: "store-inbound",
    bucket: "inbound-mail",
    prefix: "inbound/" as string | null,
    encrypted: true,
    enabled: true,
    topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound" as string | null,
  },
};

export const updateReceiptRule = action({
  display: {
    label: "Update Receipt Rule",
    description:
      "Replace a receipt rule with one that stores incoming mail in S3 (optionally KMS-encrypted) and notifies an SNS topic, or turn it off. For rules with other actions (Lambda, bounce, stop), use Call SES Operation's ses:UpdateReceiptRule.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: existingRuleSetInput,
    ruleName: existingRuleNameInput,
    enabled: ruleEnabledInput,
    recipients: ruleRecipientsInput,
    bucket: bucketNameInput,
    prefix: objectKeyPrefixInput,
    kmsKeyArn: kmsKeyArnInput,
    topicArn: ruleTopicInput,
    scanEnabled: scanEnabledInput,
    requireTls: requireTlsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { UpdateReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    if (params.topicArn && !topicRegion(params.topicArn)) {
      throw new Error(`Notify SNS Topic "${params.topicArn}" is not an SNS topic ARN.`);
    }
    await (await createSesClient(clientSettings(params))).send(
      new UpdateReceiptRuleCommand({
        RuleSetName: params.ruleSet,
        Rule: storeRule(params, params.enabled),
      }),
    );
    return {
      data: {
        ruleSet: params.ruleSet,
        rule: params.ruleName,
        bucket: params.bucket,
        prefix: params.prefix ?? null,
        encrypted: params.kmsKeyArn !== undefined,
        enabled: params.enabled,
        topicArn: params.topicArn ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
