import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { verificationTemplateNameInput } from "../../inputs/verification";
import { outputSchemaFrom } from "../outputSchema";
import {
  describeVerificationTemplate,
  EXAMPLE_VERIFICATION_TEMPLATE,
} from "./verificationTemplate";

const examplePayload = { data: EXAMPLE_VERIFICATION_TEMPLATE };

export const getCustomVerificationEmailTemplate = action({
  display: {
    label: "Get Custom Verification Template",
    description:
      "Get a custom verification email template: sender, subject, HTML and redirect URLs.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: verificationTemplateNameInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetCustomVerificationEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    const template = await (await createSesV2Client(clientSettings(params))).send(
      new GetCustomVerificationEmailTemplateCommand({ TemplateName: params.templateName }),
    );
    return { data: describeVerificationTemplate(template) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
