import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { templateNameInput } from "../../inputs/templates";
import { checkTemplateName } from "../../mail/outgoingEmail";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { templateName: "order-shipped", deleted: true } };

export const deleteTemplate = action({
  display: {
    label: "Delete Template",
    description: "Delete an SES email template.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: templateNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    const name = checkTemplateName("Template", params.templateName);
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteEmailTemplateCommand({ TemplateName: name }),
    );
    return { data: { templateName: name, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
