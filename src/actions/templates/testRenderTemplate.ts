import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { templateDataInput, templateNameInput } from "../../inputs/templates";
import { checkTemplateName } from "../../mail/outgoingEmail";
import { parseTemplateData } from "../../mail/templateData";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    subject: "Your order A-1001 has shipped",
    textBody: "Hi Jane, your order A-1001 is on its way." as string | null,
    htmlBody: "<h1>Hi Jane</h1><p>Order A-1001 is on its way.</p>" as string | null,
    renderedMime:
      'Date: Mon, 23 Nov 2026 18:20:00 +0000\r\nMessage-ID: <...>\r\nSubject: Your order A-1001 has shipped\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="----=_Part_0"\r\n\r\n...',
  },
};

export const testRenderTemplate = action({
  display: {
    label: "Test Render Template",
    description:
      "Render an SES template with template data, without sending anything: see the subject, text and HTML a recipient would get.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    templateName: templateNameInput,
    templateData: templateDataInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { default: PostalMime } = await import("postal-mime");
    const { TestRenderEmailTemplateCommand } = await import("@aws-sdk/client-sesv2");
    const name = checkTemplateName("Template", params.templateName);
    const templateData = parseTemplateData("Template Data", params.templateData);
    const { RenderedTemplate } = await (await createSesV2Client(clientSettings(params))).send(
      new TestRenderEmailTemplateCommand({ TemplateName: name, TemplateData: templateData }),
    );
    const rendered = RenderedTemplate ?? "";
    // SES answers with a whole MIME message; the parts are what a flow wants to check.
    const parsed = await PostalMime.parse(rendered);
    return {
      data: {
        subject: parsed.subject ?? "",
        textBody: parsed.text ?? null,
        htmlBody: parsed.html ?? null,
        renderedMime: rendered,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
