import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { configurationSetNameInput, sendingEnabledInput } from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { configurationSet: "tenant-acme", sendingEnabled: false } };

export const putConfigurationSetSending = action({
  display: {
    label: "Pause or Resume Configuration Set",
    description:
      "Pause (or resume) all sending with a configuration set: pause a tenant whose bounce or complaint rate runs high without touching the others.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    sendingEnabled: sendingEnabledInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutConfigurationSetSendingOptionsCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutConfigurationSetSendingOptionsCommand({
        ConfigurationSetName: params.configurationSet,
        SendingEnabled: params.sendingEnabled,
      }),
    );
    return {
      data: { configurationSet: params.configurationSet, sendingEnabled: params.sendingEnabled },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
