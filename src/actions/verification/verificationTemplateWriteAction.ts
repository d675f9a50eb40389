import type {
  CreateCustomVerificationEmailTemplateCommandInput,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
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
  verificationTemplateNameInput,
} from "../../inputs/verification";
import { outputSchemaFrom } from "../outputSchema";
import {
  buildVerificationTemplate,
  describeVerificationTemplate,
  EXAMPLE_VERIFICATION_TEMPLATE,
} from "./verificationTemplate";

const examplePayload = { data: EXAMPLE_VERIFICATION_TEMPLATE };

/** Create and Update Custom Verification Template: the same inputs and output, a different command. */
export function verificationTemplateWriteAction(options: {
  label: string;
  description: string;
  existing: boolean;
  send: (
    client: SESv2Client,
    input: CreateCustomVerificationEmailTemplateCommandInput,
  ) => Promise<unknown>;
}) {
  return action({
    display: { label: options.label, description: options.description },
    inputs: {
      connection: connectionInput,
      region: regionInput,
      templateName: options.existing
        ? verificationTemplateNameInput
        : newVerificationTemplateNameInput,
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
      await options.send(await createSesV2Client(clientSettings(params)), template);
      return { data: describeVerificationTemplate(template) };
    },
    examplePayload,
    outputSchema: outputSchemaFrom(examplePayload.data),
  });
}
