import { UpdateCustomVerificationEmailTemplateCommand } from "@aws-sdk/client-sesv2";
import { verificationTemplateWriteAction } from "./verificationTemplateWriteAction";

export const updateCustomVerificationEmailTemplate = verificationTemplateWriteAction({
  label: "Update Custom Verification Template",
  description: "Replace every part of a custom verification email template.",
  existing: true,
  send: (client, input) => client.send(new UpdateCustomVerificationEmailTemplateCommand(input)),
});
