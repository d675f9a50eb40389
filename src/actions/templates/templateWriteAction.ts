import type { CreateEmailTemplateCommandInput, SESv2Client } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  newTemplateNameInput,
  templateHtmlInput,
  templateNameInput,
  templateSubjectInput,
  templateTextInput,
} from "../../inputs/templates";
import { checkTemplateName } from "../../mail/outgoingEmail";
import { outputSchemaFrom } from "../outputSchema";
import { buildTemplateContent, describeTemplate } from "./templateContent";

/** Create and Update Template: the same inputs and output, a different SES command. */
export function templateWriteAction(options: {
  label: string;
  description: string;
  existing: boolean;
  example: ReturnType<typeof describeTemplate>;
  send: (client: SESv2Client, input: CreateEmailTemplateCommandInput) => Promise<unknown>;
}) {
  const examplePayload = { data: options.example };
  return action({
    display: { label: options.label, description: options.description },
    inputs: {
      connection: connectionInput,
      region: regionInput,
      templateName: options.existing ? templateNameInput : newTemplateNameInput,
      subject: templateSubjectInput,
      textBody: templateTextInput,
      htmlBody: templateHtmlInput,
      endpoint: endpointInput,
    },
    performSafety: "notAllowed",
    perform: async (_context, params) => {
      const name = checkTemplateName(
        options.existing ? "Template" : "Template Name",
        params.templateName,
      );
      const content = buildTemplateContent(params);
      await options.send(await createSesV2Client(clientSettings(params)), {
        TemplateName: name,
        TemplateContent: content,
      });
      return { data: describeTemplate(name, content) };
    },
    examplePayload,
    outputSchema: outputSchemaFrom(examplePayload.data),
  });
}
