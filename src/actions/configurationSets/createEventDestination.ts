import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  configurationSetNameInput,
  eventDestinationNameInput,
  matchingEventTypesInput,
  snsTopicArnInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    configurationSet: "transactional",
    eventDestination: "to-prismatic",
    eventTypes: ["BOUNCE", "COMPLAINT", "DELIVERY"],
    snsTopicArn: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
  },
};

export const createEventDestination = action({
  display: {
    label: "Create Event Destination",
    description:
      "Publish a configuration set's events (bounces, opens, clicks, ...) to an SNS topic, for the SES Notification trigger.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    eventDestination: eventDestinationNameInput,
    eventTypes: matchingEventTypesInput,
    snsTopicArn: snsTopicArnInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CreateConfigurationSetEventDestinationCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new CreateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: params.configurationSet,
        EventDestinationName: params.eventDestination,
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: params.eventTypes,
          SnsDestination: { TopicArn: params.snsTopicArn },
        },
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        eventDestination: params.eventDestination,
        eventTypes: params.eventTypes as string[],
        snsTopicArn: params.snsTopicArn,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
