import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { configurationSetNameInput } from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { configurationSet: "transactional", deleted: true } };

export const deleteConfigurationSet = action({
  display: {
    label: "Delete Configuration Set",
    description: "Delete a configuration set and its event destinations.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteConfigurationSetCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteConfigurationSetCommand({ ConfigurationSetName: params.configurationSet }),
    );
    return { data: { configurationSet: params.configurationSet, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
