import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { newRuleSetNameInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { ruleSet: "inbound-2026" } };

export const createReceiptRuleSet = action({
  display: {
    label: "Create Receipt Rule Set",
    description:
      "Create an empty receipt rule set (activate it with Set Active Receipt Rule Set once it has rules).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: newRuleSetNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CreateReceiptRuleSetCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new CreateReceiptRuleSetCommand({ RuleSetName: params.ruleSet }),
    );
    return { data: { ruleSet: params.ruleSet } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
