import { describeTemplate } from "./templateContent";
import { templateWriteAction } from "./templateWriteAction";

export const updateTemplate = templateWriteAction({
  label: "Update Template",
  description:
    "Replace the subject and bodies of an SES email template. Parts left empty are removed from the template.",
  existing: true,
  example: describeTemplate("order-shipped", {
    Subject: "Order {{orderId}} shipped",
    Text: "Hi {{name}}, order {{orderId}} left our warehouse today.",
  }),
  send: async (client, input) => {
    const { UpdateEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new UpdateEmailTemplateCommand(input));
  },
});
