import { UpdateEmailTemplateCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  templateHtmlInput,
  templateNameInput,
  templateSubjectInput,
  templateTextInput,
} from "../../inputs/templates";
import { checkTemplateName } from "../../mail/outgoingEmail";
import { outputSchemaFrom } from "../outputSchema";
import { buildTemplateContent, describeTemplate } from "./templateContent";

const examplePayload = {
  data: describeTemplate("order-shipped", {
    Subject: "Order {{orderId}} shipped",
    Text: "Hi {{name}}, order {{orderId}} left our warehouse today.",
  }),
};

export const updateTemplate = action({
  display: {
    label: "Update Template",
    description:
      "Replace the subject and bodies of an SES email template. Parts left empty are removed from the template.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: templateNameInput,
    subject: templateSubjectInput,
    textBody: templateTextInput,
    htmlBody: templateHtmlInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const name = checkTemplateName("Template", params.templateName);
    const content = buildTemplateContent(params);
    await createSesV2Client(clientSettings(params)).send(
      new UpdateEmailTemplateCommand({ TemplateName: name, TemplateContent: content }),
    );
    return { data: describeTemplate(name, content) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
