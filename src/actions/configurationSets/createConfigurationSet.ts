import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  customRedirectDomainInput,
  newConfigurationSetNameInput,
  reputationMetricsInput,
  suppressedReasonsInput,
  tlsRequiredInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { configurationSet: "transactional", created: true } };

export const createConfigurationSet = action({
  display: {
    label: "Create Configuration Set",
    description:
      "Create a configuration set: TLS policy, reputation metrics, suppression and tracking domain for the mail sent with it.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: newConfigurationSetNameInput,
    requireTls: tlsRequiredInput,
    reputationMetrics: reputationMetricsInput,
    suppressOn: suppressedReasonsInput,
    customTrackingDomain: customRedirectDomainInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CreateConfigurationSetCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new CreateConfigurationSetCommand({
        ConfigurationSetName: params.configurationSet,
        DeliveryOptions: { TlsPolicy: params.requireTls ? "REQUIRE" : "OPTIONAL" },
        ReputationOptions: { ReputationMetricsEnabled: params.reputationMetrics },
        SendingOptions: { SendingEnabled: true },
        SuppressionOptions: params.suppressOn.length
          ? { SuppressedReasons: params.suppressOn }
          : undefined,
        TrackingOptions: params.customTrackingDomain
          ? { CustomRedirectDomain: params.customTrackingDomain }
          : undefined,
      }),
    );
    return { data: { configurationSet: params.configurationSet, created: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
