import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { envelopeInputs, messageOptionInputs } from "../../inputs/sending";
import {
  listManagementInputs,
  sendingAuthorizationInputs,
} from "../../inputs/sendingAuthorization";
import {
  inlineHtmlInput,
  inlineSubjectInput,
  inlineTextInput,
  optionalTemplateNameInput,
  templateDataInput,
} from "../../inputs/templates";
import { sendingTenantInputs } from "../../inputs/tenants";
import { buildTemplatedEmailRequest } from "../../mail/outgoingEmail";
import { chooseTemplateSource } from "../../mail/templateSource";
import { outputSchemaFrom } from "../outputSchema";
import { envelopeFromParams } from "./envelopeFromParams";
import { sendingTenant } from "./sendingTenant";

const examplePayload = {
  data: {
    messageId: "0100019a7f3c2d1e-6c8f3a1b-2d4e-4f6a-8b9c-0d1e2f3a4b5c-000000",
    tenant: "acme-corp" as string | null,
  },
};

export const sendTemplatedEmail = action({
  display: {
    label: "Send Templated Email",
    description:
      "Send an email from a stored SES template (or inline template content), filled with template data, with optional attachments.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ...envelopeInputs,
    templateName: optionalTemplateNameInput,
    inlineSubject: inlineSubjectInput,
    inlineText: inlineTextInput,
    inlineHtml: inlineHtmlInput,
    templateData: templateDataInput,
    ...messageOptionInputs,
    ...sendingAuthorizationInputs,
    ...listManagementInputs,
    ...sendingTenantInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const { SendEmailCommand } = await import("@aws-sdk/client-sesv2");
    const tenant = sendingTenant(context, params);
    const request = buildTemplatedEmailRequest({
      ...envelopeFromParams({ ...params, tenant }),
      template: chooseTemplateSource(params),
      templateData: params.templateData,
    });
    const response = await (await createSesV2Client(clientSettings(params))).send(
      new SendEmailCommand(request),
    );
    return { data: { messageId: response.MessageId ?? "", tenant: tenant ?? null } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
