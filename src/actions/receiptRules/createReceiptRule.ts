import { ruleNameInput, ruleSetInput } from "../../inputs/receiptRules";
import { storeRuleWriteAction } from "./receiptRule";

export const createReceiptRule = storeRuleWriteAction({
  label: "Create Receipt Rule",
  description:
    "Add a receipt rule that stores incoming mail in S3 (optionally KMS-encrypted) and notifies an SNS topic: what Fetch Received Email and the Received Email trigger read.",
  ruleSet: ruleSetInput,
  ruleName: ruleNameInput,
  send: async (client, ruleSet, rule) => {
    const { CreateReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    return client.send(new CreateReceiptRuleCommand({ RuleSetName: ruleSet, Rule: rule }));
  },
});
