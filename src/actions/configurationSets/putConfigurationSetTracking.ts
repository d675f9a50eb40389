import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  configurationSetNameInput,
  customRedirectDomainInput,
  httpsPolicyInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    configurationSet: "tenant-acme",
    customRedirectDomain: "track.acme.example" as string | null,
    httpsPolicy: "REQUIRE",
  },
};

export const putConfigurationSetTracking = action({
  display: {
    label: "Set Configuration Set Tracking",
    description:
      "Set the custom domain of a configuration set's open and click tracking links, and whether they use HTTPS.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    customRedirectDomain: customRedirectDomainInput,
    httpsPolicy: httpsPolicyInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutConfigurationSetTrackingOptionsCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutConfigurationSetTrackingOptionsCommand({
        ConfigurationSetName: params.configurationSet,
        CustomRedirectDomain: params.customRedirectDomain,
        HttpsPolicy: params.httpsPolicy,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        customRedirectDomain: params.customRedirectDomain ?? null,
        httpsPolicy: params.httpsPolicy as string,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
