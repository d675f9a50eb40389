import { eventDestinationWriteAction } from "./eventDestination";

export const createEventDestination = eventDestinationWriteAction({
  label: "Create Event Destination",
  description:
    "Publish a configuration set's events (bounces, opens, clicks, ...) to an SNS topic (for the SES Notification trigger), an EventBridge event bus or CloudWatch metrics.",
  send: async (client, input) => {
    const { CreateConfigurationSetEventDestinationCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new CreateConfigurationSetEventDestinationCommand(input));
  },
});
