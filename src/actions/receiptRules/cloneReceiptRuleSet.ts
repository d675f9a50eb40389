import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { existingRuleSetInput, newRuleSetNameInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { ruleSet: "inbound-2026", originalRuleSet: "inbound-2025" } };

export const cloneReceiptRuleSet = action({
  display: {
    label: "Clone Receipt Rule Set",
    description:
      "Copy a receipt rule set, rules included, under a new name: change the copy, then activate it to switch over at once.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    originalRuleSet: {
      ...existingRuleSetInput,
      label: "Original Rule Set",
      comments: "The rule set to copy.",
    },
    ruleSet: newRuleSetNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CloneReceiptRuleSetCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new CloneReceiptRuleSetCommand({
        RuleSetName: params.ruleSet,
        OriginalRuleSetName: params.originalRuleSet,
      }),
    );
    return { data: { ruleSet: params.ruleSet, originalRuleSet: params.originalRuleSet } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
