import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  configurationSetNameInput,
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
    ...exampleDestination,
  },
};

export const createEventDestination = action({
  display: {
    label: "Create Event Destination",
    description:
      "Publish a configuration set's events (bounces, opens, clicks, ...) to an SNS topic (for the SES Notification trigger), an EventBridge event bus or CloudWatch metrics.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    eventDestination: eventDestinationNameInput,
    ...destinationInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const destination = eventDestinationOf(params, true);
    const { CreateConfigurationSetEventDestinationCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new CreateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: params.configurationSet,
        EventDestinationName: params.eventDestination,
        EventDestination: destination,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        eventDestination: params.eventDestination,
        ...describeDestination(params),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
