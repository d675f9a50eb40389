import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { notificationIdentitiesInput } from "../../inputs/identityNotifications";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    identities: [
      {
        identity: "example.com",
        bounceTopic: "arn:aws:sns:us-east-1:111122223333:ses-notifications" as string | null,
        complaintTopic: "arn:aws:sns:us-east-1:111122223333:ses-notifications" as string | null,
        deliveryTopic: null as string | null,
        feedbackForwarding: false,
        headersInBounce: true,
        headersInComplaint: true,
        headersInDelivery: false,
      },
    ],
  },
};

export const getIdentityNotifications = action({
  display: {
    label: "Get Identity Notification Settings",
    description:
      "For each identity (SES v1 settings): the SNS topics its bounces, complaints and deliveries go to, whether they include the original headers, and feedback forwarding.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identities: notificationIdentitiesInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetIdentityNotificationAttributesCommand } = await import("@aws-sdk/client-ses");
    const { NotificationAttributes = {} } = await (
      await createSesClient(clientSettings(params))
    ).send(new GetIdentityNotificationAttributesCommand({ Identities: params.identities }));
    // SES leaves out identities it does not know; they come back with nothing set.
    const identities = params.identities.map((identity) => {
      const settings = NotificationAttributes[identity];
      return {
        identity,
        bounceTopic: settings?.BounceTopic ?? null,
        complaintTopic: settings?.ComplaintTopic ?? null,
        deliveryTopic: settings?.DeliveryTopic ?? null,
        feedbackForwarding: settings?.ForwardingEnabled ?? true,
        headersInBounce: settings?.HeadersInBounceNotificationsEnabled ?? false,
        headersInComplaint: settings?.HeadersInComplaintNotificationsEnabled ?? false,
        headersInDelivery: settings?.HeadersInDeliveryNotificationsEnabled ?? false,
      };
    });
    return { data: { identities } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
