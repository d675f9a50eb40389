import { CreateEmailTemplateCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  newTemplateNameInput,
  templateHtmlInput,
  templateSubjectInput,
  templateTextInput,
} from "../../inputs/templates";
import { checkTemplateName } from "../../mail/outgoingEmail";
import { outputSchemaFrom } from "../outputSchema";
import { buildTemplateContent, describeTemplate } from "./templateContent";

const examplePayload = {
  data: describeTemplate("order-shipped", {
    Subject: "Your order {{orderId}} has shipped",
    Text: "Hi {{name}}, your order {{orderId}} is on its way.",
    Html: "<h1>Hi {{name}}</h1><p>Order {{orderId}} is on its way.</p>",
  }),
};

export const createTemplate = action({
  display: {
    label: "Create Template",
    description: "Create an SES email template with {{placeholders}} for templated sending.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: newTemplateNameInput,
    subject: templateSubjectInput,
    textBody: templateTextInput,
    htmlBody: templateHtmlInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const name = checkTemplateName("Template Name", params.templateName);
    const content = buildTemplateContent(params);
    await createSesV2Client(clientSettings(params)).send(
      new CreateEmailTemplateCommand({ TemplateName: name, TemplateContent: content }),
    );
    return { data: describeTemplate(name, content) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
