import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  bucketNameInput,
  kmsKeyArnInput,
  objectKeyPrefixInput,
  requireTlsInput,
  ruleNameInput,
  ruleRecipientsInput,
  ruleSetInput,
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
    topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound" as string | null,
  },
};

export const createReceiptRule = action({
  display: {
    label: "Create Receipt Rule",
    description:
      "Add a receipt rule that stores incoming mail in S3 (optionally KMS-encrypted) and notifies an SNS topic: what Fetch Received Email and the Received Email trigger read.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: ruleSetInput,
    ruleName: ruleNameInput,
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
    const { CreateReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    if (params.topicArn && !topicRegion(params.topicArn)) {
      throw new Error(`Notify SNS Topic "${params.topicArn}" is not an SNS topic ARN.`);
    }
    await (await createSesClient(clientSettings(params))).send(
      new CreateReceiptRuleCommand({
        RuleSetName: params.ruleSet,
        Rule: storeRule(params, true),
      }),
    );
    return {
      data: {
        ruleSet: params.ruleSet,
        rule: params.ruleName,
        bucket: params.bucket,
        prefix: params.prefix ?? null,
        encrypted: params.kmsKeyArn !== undefined,
        topicArn: params.topicArn ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
