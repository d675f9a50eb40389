import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput } from "../../inputs/emailIdentity";
import { notificationTopicInput, notificationTypeInput } from "../../inputs/identityNotifications";
import { topicRegion } from "../../sns/snsMessage";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    identity: "example.com",
    notificationType: "Bounce",
    snsTopic: "arn:aws:sns:us-east-1:111122223333:ses-notifications" as string | null,
  },
};

export const setIdentityNotificationTopic = action({
  display: {
    label: "Set Identity Notification Topic",
    description:
      "Publish an identity's bounces, complaints or deliveries to an SNS topic (SES v1 identity notifications), or stop publishing them.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    notificationType: notificationTypeInput,
    snsTopic: notificationTopicInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const topicIn = params.snsTopic ? topicRegion(params.snsTopic) : undefined;
    if (topicIn && topicIn !== params.region) {
      throw new Error(
        `SNS Topic ARN is in ${topicIn}, but SES publishes an identity's notifications only to topics in its own region (${params.region}).`,
      );
    }
    const { SetIdentityNotificationTopicCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new SetIdentityNotificationTopicCommand({
        Identity: params.identity,
        NotificationType: params.notificationType,
        SnsTopic: params.snsTopic,
      }),
    );
    return {
      data: {
        identity: params.identity,
        notificationType: params.notificationType,
        snsTopic: params.snsTopic ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
