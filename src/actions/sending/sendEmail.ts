import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  envelopeInputs,
  htmlBodyInput,
  messageOptionInputs,
  subjectInput,
  textBodyInput,
} from "../../inputs/sending";
import {
  listManagementInputs,
  sendingAuthorizationInputs,
} from "../../inputs/sendingAuthorization";
import { sendingTenantInputs } from "../../inputs/tenants";
import { buildSendEmailRequest } from "../../mail/outgoingEmail";
import { envelopeFromParams } from "./envelopeFromParams";
import { sendingTenant } from "./sendingTenant";

export const sendEmail = action({
  display: {
    label: "Send Email",
    description:
      "Send an email with text and/or HTML body, attachments and inline images through Amazon SES.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ...envelopeInputs,
    subject: subjectInput,
    textBody: textBodyInput,
    htmlBody: htmlBodyInput,
    ...messageOptionInputs,
    ...sendingAuthorizationInputs,
    ...listManagementInputs,
    ...sendingTenantInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    // Everything is validated before the client exists, so bad input never reaches AWS.
    const { SendEmailCommand } = await import("@aws-sdk/client-sesv2");
    const tenant = sendingTenant(context, params);
    const request = buildSendEmailRequest({
      ...envelopeFromParams({ ...params, tenant }),
      subject: params.subject,
      text: params.textBody,
      html: params.htmlBody,
    });
    const client = await createSesV2Client(clientSettings(params));
    const response = await client.send(new SendEmailCommand(request));
    return { data: { messageId: response.MessageId ?? "", tenant: tenant ?? null } };
  },
  examplePayload: {
    data: {
      messageId: "0100019a7f3c2d1e-5b7e2f0a-8c41-4d7b-9a3e-2f6c1d8e4b90-000000",
      tenant: "acme-corp" as string | null,
    },
  },
  outputSchema: {
    type: "actionOutput",
    schema: {
      type: "object",
      properties: {
        messageId: {
          type: "string",
          description:
            "The ID SES gave the message; it appears in bounce, complaint and delivery notifications.",
        },
        tenant: {
          type: ["string", "null"],
          description: "The SES tenant the message was sent under, or null.",
        },
      },
      required: ["messageId"],
    },
  },
});
