import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { existingRuleSetInput, ruleOrderInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { ruleSet: "inbound-2026", ruleOrder: ["block-auto-replies", "store-inbound"] },
};

export const reorderReceiptRules = action({
  display: {
    label: "Reorder Receipt Rules",
    description:
      "Set the order in which SES applies the rules of a rule set (every rule, each once).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: existingRuleSetInput,
    ruleOrder: ruleOrderInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { ReorderReceiptRuleSetCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new ReorderReceiptRuleSetCommand({
        RuleSetName: params.ruleSet,
        RuleNames: params.ruleOrder,
      }),
    );
    return { data: { ruleSet: params.ruleSet, ruleOrder: params.ruleOrder } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
