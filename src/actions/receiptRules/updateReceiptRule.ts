import { existingRuleNameInput, existingRuleSetInput } from "../../inputs/receiptRules";
import { storeRuleWriteAction } from "./receiptRule";

export const updateReceiptRule = storeRuleWriteAction({
  label: "Update Receipt Rule",
  description:
    "Replace a receipt rule with one that stores incoming mail in S3 (optionally KMS-encrypted) and notifies an SNS topic, or turn it off. For rules with other actions (Lambda, bounce, stop), use Call SES Operation's ses:UpdateReceiptRule.",
  ruleSet: existingRuleSetInput,
  ruleName: existingRuleNameInput,
  send: async (client, ruleSet, rule) => {
    const { UpdateReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    return client.send(new UpdateReceiptRuleCommand({ RuleSetName: ruleSet, Rule: rule }));
  },
});
