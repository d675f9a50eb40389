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
  send: async (client, input) => {
    const { CreateEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new CreateEmailTemplateCommand(input));
  },
});
