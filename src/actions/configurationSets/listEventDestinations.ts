import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { configurationSetNameInput } from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    configurationSet: "transactional",
    eventDestinations: [
      {
        name: "to-prismatic",
        enabled: true,
        eventTypes: ["BOUNCE", "COMPLAINT"],
        kind: "SNS",
        target: "arn:aws:sns:us-east-1:111122223333:ses-notifications" as string | null,
      },
    ],
  },
};

export const listEventDestinations = action({
  display: {
    label: "List Event Destinations",
    description: "List a configuration set's event destinations and the events each receives.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetConfigurationSetEventDestinationsCommand } = await import("@aws-sdk/client-sesv2");
    const { EventDestinations } = await (await createSesV2Client(clientSettings(params))).send(
      new GetConfigurationSetEventDestinationsCommand({
        ConfigurationSetName: params.configurationSet,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        eventDestinations: (EventDestinations ?? []).map((destination) => {
          const [kind, target] = destination.SnsDestination
            ? ["SNS", destination.SnsDestination.TopicArn]
            : destination.EventBridgeDestination
              ? ["EventBridge", destination.EventBridgeDestination.EventBusArn]
              : destination.KinesisFirehoseDestination
                ? ["Firehose", destination.KinesisFirehoseDestination.DeliveryStreamArn]
                : destination.CloudWatchDestination
                  ? ["CloudWatch", null]
                  : ["Pinpoint", destination.PinpointDestination?.ApplicationArn];
          return {
            name: destination.Name ?? "",
            enabled: destination.Enabled ?? false,
            eventTypes: (destination.MatchingEventTypes ?? []) as string[],
            kind: kind as string,
            target: (target ?? null) as string | null,
          };
        }),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
