import { verificationTemplateWriteAction } from "./verificationTemplateWriteAction";

export const createCustomVerificationEmailTemplate = verificationTemplateWriteAction({
  label: "Create Custom Verification Template",
  description: "Create a branded template for the email SES sends to verify a new address.",
  existing: false,
  send: async (client, input) => {
    const { CreateCustomVerificationEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new CreateCustomVerificationEmailTemplateCommand(input));
  },
});
