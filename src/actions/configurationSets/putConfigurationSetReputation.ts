import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { configurationSetNameInput, reputationMetricsInput } from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { configurationSet: "tenant-acme", reputationMetrics: true } };

export const putConfigurationSetReputation = action({
  display: {
    label: "Set Configuration Set Reputation Metrics",
    description:
      "Turn publishing of a configuration set's bounce and complaint rates to CloudWatch on or off.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    reputationMetrics: reputationMetricsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutConfigurationSetReputationOptionsCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutConfigurationSetReputationOptionsCommand({
        ConfigurationSetName: params.configurationSet,
        ReputationMetricsEnabled: params.reputationMetrics,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        reputationMetrics: params.reputationMetrics,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
