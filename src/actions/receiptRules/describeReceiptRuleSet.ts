import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { existingRuleSetInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";
import { describeRule, exampleRule } from "./receiptRule";

const examplePayload = {
  data: {
    ruleSet: "inbound-2026",
    createdAt: "2026-11-20T08:31:12.000Z" as string | null,
    rules: [exampleRule],
  },
};

export const describeReceiptRuleSet = action({
  display: {
    label: "Describe Receipt Rule Set",
    description:
      "Show any receipt rule set (active or not) and its rules in order: recipients, S3 bucket, prefix, KMS key and SNS topic of each action.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ruleSet: existingRuleSetInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { DescribeReceiptRuleSetCommand } = await import("@aws-sdk/client-ses");
    const { Metadata, Rules } = await (await createSesClient(clientSettings(params))).send(
      new DescribeReceiptRuleSetCommand({ RuleSetName: params.ruleSet }),
    );
    return {
      data: {
        ruleSet: Metadata?.Name ?? params.ruleSet,
        createdAt: Metadata?.CreatedTimestamp?.toISOString() ?? null,
        rules: (Rules ?? []).map(describeRule),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
