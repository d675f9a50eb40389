import { CreateCustomVerificationEmailTemplateCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  failureUrlInput,
  newVerificationTemplateNameInput,
  successUrlInput,
  verificationContentInput,
  verificationFromInput,
  verificationSubjectInput,
} from "../../inputs/verification";
import { outputSchemaFrom } from "../outputSchema";
import {
  buildVerificationTemplate,
  describeVerificationTemplate,
  EXAMPLE_VERIFICATION_TEMPLATE,
} from "./verificationTemplate";

const examplePayload = { data: EXAMPLE_VERIFICATION_TEMPLATE };

export const createCustomVerificationEmailTemplate = action({
  display: {
    label: "Create Custom Verification Template",
    description: "Create a branded template for the email SES sends to verify a new address.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: newVerificationTemplateNameInput,
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
      new CreateCustomVerificationEmailTemplateCommand(template),
    );
    return { data: describeVerificationTemplate(template) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
