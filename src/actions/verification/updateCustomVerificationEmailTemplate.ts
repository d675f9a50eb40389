import { verificationTemplateWriteAction } from "./verificationTemplateWriteAction";

export const updateCustomVerificationEmailTemplate = verificationTemplateWriteAction({
  label: "Update Custom Verification Template",
  description: "Replace every part of a custom verification email template.",
  existing: true,
  send: async (client, input) => {
    const { UpdateCustomVerificationEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new UpdateCustomVerificationEmailTemplateCommand(input));
  },
});
