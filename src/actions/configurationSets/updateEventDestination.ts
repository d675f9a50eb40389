import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  configurationSetNameInput,
  destinationEnabledInput,
  eventDestinationNameInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";
import {
  describeDestination,
  destinationInputs,
  eventDestinationOf,
  exampleDestination,
} from "./eventDestination";

const examplePayload = {
  data: {
    configurationSet: "transactional",
    eventDestination: "to-prismatic",
    enabled: true,
    ...exampleDestination,
  },
};

export const updateEventDestination = action({
  display: {
    label: "Update Event Destination",
    description:
      "Replace an event destination's event types and target (SNS, EventBridge or CloudWatch), or turn it off without deleting it.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    eventDestination: eventDestinationNameInput,
    enabled: destinationEnabledInput,
    ...destinationInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const destination = eventDestinationOf(params, params.enabled);
    const { UpdateConfigurationSetEventDestinationCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new UpdateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: params.configurationSet,
        EventDestinationName: params.eventDestination,
        EventDestination: destination,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        eventDestination: params.eventDestination,
        enabled: params.enabled,
        ...describeDestination(params),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
