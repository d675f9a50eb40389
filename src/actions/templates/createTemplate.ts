import { CreateEmailTemplateCommand } from "@aws-sdk/client-sesv2";
import { describeTemplate } from "./templateContent";
import { templateWriteAction } from "./templateWriteAction";

export const createTemplate = templateWriteAction({
  label: "Create Template",
  description: "Create an SES email template with {{placeholders}} for templated sending.",
  existing: false,
  example: describeTemplate("order-shipped", {
    Subject: "Your order {{orderId}} has shipped",
    Text: "Hi {{name}}, your order {{orderId}} is on its way.",
    Html: "<h1>Hi {{name}}</h1><p>Order {{orderId}} is on its way.</p>",
  }),
  send: (client, input) => client.send(new CreateEmailTemplateCommand(input)),
});
