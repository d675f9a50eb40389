import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  existingRuleNameInput,
  existingRuleSetInput,
  ruleEnabledInput,
} from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";
import { describeStoreRule, storeRule, storeRuleInputs } from "./receiptRule";

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
    ...storeRuleInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { UpdateReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new UpdateReceiptRuleCommand({
        RuleSetName: params.ruleSet,
        Rule: storeRule(params, params.enabled),
      }),
    );
    return {
      data: { ...describeStoreRule(params.ruleSet, params), enabled: params.enabled },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
