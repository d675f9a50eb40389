import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { verificationTemplateNameInput } from "../../inputs/verification";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { templateName: "welcome-verify", deleted: true } };

export const deleteCustomVerificationEmailTemplate = action({
  display: {
    label: "Delete Custom Verification Template",
    description: "Delete a custom verification email template.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: verificationTemplateNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteCustomVerificationEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteCustomVerificationEmailTemplateCommand({ TemplateName: params.templateName }),
    );
    return { data: { templateName: params.templateName, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
