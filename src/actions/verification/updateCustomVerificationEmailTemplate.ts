import { UpdateCustomVerificationEmailTemplateCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  failureUrlInput,
  successUrlInput,
  verificationContentInput,
  verificationFromInput,
  verificationSubjectInput,
  verificationTemplateNameInput,
} from "../../inputs/verification";
import { outputSchemaFrom } from "../outputSchema";
import {
  buildVerificationTemplate,
  describeVerificationTemplate,
  EXAMPLE_VERIFICATION_TEMPLATE,
} from "./verificationTemplate";

const examplePayload = { data: EXAMPLE_VERIFICATION_TEMPLATE };

export const updateCustomVerificationEmailTemplate = action({
  display: {
    label: "Update Custom Verification Template",
    description: "Replace every part of a custom verification email template.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: verificationTemplateNameInput,
    from: verificationFromInput,
    subject: verificationSubjectInput,
    htmlContent: verificationContentInput,
    successUrl: successUrlInput,
    failureUrl: failureUrlInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const template = buildVerificationTemplate(params);
    await createSesV2Client(clientSettings(params)).send(
      new UpdateCustomVerificationEmailTemplateCommand(template),
    );
    return { data: describeVerificationTemplate(template) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
