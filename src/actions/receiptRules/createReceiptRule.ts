import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { ruleNameInput, ruleSetInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";
import { describeStoreRule, storeRule, storeRuleInputs } from "./receiptRule";

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
    ...storeRuleInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CreateReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new CreateReceiptRuleCommand({
        RuleSetName: params.ruleSet,
        Rule: storeRule(params, true),
      }),
    );
    return {
      data: describeStoreRule(params.ruleSet, params),
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
