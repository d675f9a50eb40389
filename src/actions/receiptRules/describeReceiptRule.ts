import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { existingRuleNameInput, existingRuleSetInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";
import { describeRule, exampleRule } from "./receiptRule";

const examplePayload = { data: { ruleSet: "inbound-2026", rule: exampleRule } };

export const describeReceiptRule = action({
  display: {
    label: "Describe Receipt Rule",
    description:
      "Show one receipt rule: whether it is on, its recipients, scanning, TLS and actions.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: existingRuleSetInput,
    ruleName: existingRuleNameInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { DescribeReceiptRuleCommand } = await import("@aws-sdk/client-ses");
    const { Rule } = await (await createSesClient(clientSettings(params))).send(
      new DescribeReceiptRuleCommand({ RuleSetName: params.ruleSet, RuleName: params.ruleName }),
    );
    return {
      data: { ruleSet: params.ruleSet, rule: describeRule(Rule ?? { Name: params.ruleName }) },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
