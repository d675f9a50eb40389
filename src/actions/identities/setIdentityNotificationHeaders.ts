import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput } from "../../inputs/emailIdentity";
import { includeHeadersInput, notificationTypeInput } from "../../inputs/identityNotifications";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { identity: "example.com", notificationType: "Bounce", includeHeaders: true },
};

export const setIdentityNotificationHeaders = action({
  display: {
    label: "Set Headers In Identity Notifications",
    description:
      "Include, or leave out, the original mail's headers in an identity's bounce, complaint or delivery notifications (SES v1).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    notificationType: notificationTypeInput,
    includeHeaders: includeHeadersInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { SetIdentityHeadersInNotificationsEnabledCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new SetIdentityHeadersInNotificationsEnabledCommand({
        Identity: params.identity,
        NotificationType: params.notificationType,
        Enabled: params.includeHeaders,
      }),
    );
    return {
      data: {
        identity: params.identity,
        notificationType: params.notificationType,
        includeHeaders: params.includeHeaders,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
