import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { activeRuleSetInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { activeRuleSet: "inbound-2026" as string | null } };

export const setActiveReceiptRuleSet = action({
  display: {
    label: "Set Active Receipt Rule Set",
    description:
      "Make a receipt rule set the one SES applies to incoming mail in this region, or deactivate receiving.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: activeRuleSetInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { SetActiveReceiptRuleSetCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new SetActiveReceiptRuleSetCommand({ RuleSetName: params.ruleSet }),
    );
    return { data: { activeRuleSet: params.ruleSet ?? null } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
