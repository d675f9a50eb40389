import type { ReceiptAction } from "@aws-sdk/client-ses";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";

/** One line per action, with what a user needs to act on it. */
function describeAction(action: ReceiptAction) {
  if (action.S3Action) {
    return {
      type: "S3",
      bucket: action.S3Action.BucketName ?? null,
      prefix: action.S3Action.ObjectKeyPrefix ?? null,
      kmsKeyArn: action.S3Action.KmsKeyArn ?? null,
      topicArn: action.S3Action.TopicArn ?? null,
    };
  }
  const [type, value] = Object.entries(action).find(([, v]) => v !== undefined) ?? ["Unknown", {}];
  return {
    type: type.replace(/Action$/, ""),
    bucket: null,
    prefix: null,
    kmsKeyArn: null,
    topicArn: (value as { TopicArn?: string }).TopicArn ?? null,
  };
}

const examplePayload = {
  data: {
    active: true,
    ruleSet: "default-rule-set" as string | null,
    rules: [
      {
        name: "store-inbound",
        enabled: true,
        recipients: ["orders@inbound.example.com"],
        scanEnabled: true,
        tlsPolicy: "Optional",
        actions: [
          {
            type: "S3",
            bucket: "inbound-mail" as string | null,
            prefix: "inbound/" as string | null,
            kmsKeyArn:
              "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" as
                | string
                | null,
            topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound" as string | null,
          },
        ],
      },
    ],
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
        rules: (Rules ?? []).map((rule) => ({
          name: rule.Name ?? "",
          enabled: rule.Enabled ?? false,
          recipients: rule.Recipients ?? [],
          scanEnabled: rule.ScanEnabled ?? false,
          tlsPolicy: rule.TlsPolicy ?? "Optional",
          actions: (rule.Actions ?? []).map(describeAction),
        })),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
