import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { existingRuleNameInput, existingRuleSetInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { ruleSet: "inbound-2026", rule: "store-inbound", deleted: true } };

export const deleteReceiptRule = action({
  display: {
    label: "Delete Receipt Rule",
    description: "Delete a receipt rule from its rule set.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: existingRuleSetInput,
    ruleName: existingRuleNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new DeleteReceiptRuleCommand({ RuleSetName: params.ruleSet, RuleName: params.ruleName }),
    );
    return { data: { ruleSet: params.ruleSet, rule: params.ruleName, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
