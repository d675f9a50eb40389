import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";
import { describeRule, exampleRule } from "./receiptRule";

const examplePayload = {
  data: {
    active: true,
    ruleSet: "default-rule-set" as string | null,
    rules: [exampleRule],
  },
};

export const describeActiveReceiptRuleSet = action({
  display: {
    label: "Describe Active Receipt Rule Set",
    description:
      "Show the active receipt rule set and its rules: recipients, S3 bucket, prefix, KMS key and SNS topic of each action.",
  },
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { DescribeActiveReceiptRuleSetCommand } = await import("@aws-sdk/client-ses");
    const { Metadata, Rules } = await (await createSesClient(clientSettings(params))).send(
      new DescribeActiveReceiptRuleSetCommand({}),
    );
    return {
      data: {
        active: Metadata !== undefined,
        ruleSet: Metadata?.Name ?? null,
        rules: (Rules ?? []).map(describeRule),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
