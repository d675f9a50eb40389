import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { templateNameInput } from "../../inputs/templates";
import { checkTemplateName } from "../../mail/outgoingEmail";
import { outputSchemaFrom } from "../outputSchema";
import { describeTemplate } from "./templateContent";

const examplePayload = {
  data: describeTemplate("order-shipped", {
    Subject: "Your order {{orderId}} has shipped",
    Text: "Hi {{name}}, your order {{orderId}} is on its way.",
    Html: "<h1>Hi {{name}}</h1><p>Order {{orderId}} is on its way.</p>",
  }),
};

export const getTemplate = action({
  display: {
    label: "Get Template",
    description: "Get the subject, text and HTML of an SES email template.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: templateNameInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    const name = checkTemplateName("Template", params.templateName);
    const response = await (await createSesV2Client(clientSettings(params))).send(
      new GetEmailTemplateCommand({ TemplateName: name }),
    );
    return { data: describeTemplate(response.TemplateName ?? name, response.TemplateContent) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
