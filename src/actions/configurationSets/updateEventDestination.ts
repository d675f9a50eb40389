import { eventDestinationWriteAction } from "./eventDestination";

export const updateEventDestination = eventDestinationWriteAction({
  label: "Update Event Destination",
  description:
    "Replace an event destination's event types and target (SNS, EventBridge or CloudWatch), or turn it off without deleting it.",
  send: async (client, input) => {
    const { UpdateConfigurationSetEventDestinationCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new UpdateConfigurationSetEventDestinationCommand(input));
  },
});
