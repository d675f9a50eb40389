import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  configurationSetNameInput,
  eventDestinationNameInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { configurationSet: "transactional", eventDestination: "to-prismatic", deleted: true },
};

export const deleteEventDestination = action({
  display: {
    label: "Delete Event Destination",
    description: "Stop publishing a configuration set's events to a destination.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    eventDestination: eventDestinationNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteConfigurationSetEventDestinationCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteConfigurationSetEventDestinationCommand({
        ConfigurationSetName: params.configurationSet,
        EventDestinationName: params.eventDestination,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        eventDestination: params.eventDestination,
        deleted: true,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
