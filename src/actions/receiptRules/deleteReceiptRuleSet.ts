import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { existingRuleSetInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { ruleSet: "inbound-2025", deleted: true } };

export const deleteReceiptRuleSet = action({
  display: {
    label: "Delete Receipt Rule Set",
    description: "Delete a receipt rule set and its rules (SES refuses to delete the active set).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: existingRuleSetInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteReceiptRuleSetCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new DeleteReceiptRuleSetCommand({ RuleSetName: params.ruleSet }),
    );
    return { data: { ruleSet: params.ruleSet, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
