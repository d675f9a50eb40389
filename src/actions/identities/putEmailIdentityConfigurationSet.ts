import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { defaultConfigurationSetInput, identityInput } from "../../inputs/emailIdentity";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { identity: "acme.example", configurationSet: "tenant-acme" as string | null },
};

export const putEmailIdentityConfigurationSet = action({
  display: {
    label: "Set Default Configuration Set",
    description:
      "Give an identity a default configuration set, applied to its mail when a send names none (one per tenant domain), or remove it.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    configurationSet: defaultConfigurationSetInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutEmailIdentityConfigurationSetAttributesCommand } = await import(
      "@aws-sdk/client-sesv2"
    );
    await (await createSesV2Client(clientSettings(params))).send(
      new PutEmailIdentityConfigurationSetAttributesCommand({
        EmailIdentity: params.identity,
        ConfigurationSetName: params.configurationSet,
      }),
    );
    return {
      data: { identity: params.identity, configurationSet: params.configurationSet ?? null },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
