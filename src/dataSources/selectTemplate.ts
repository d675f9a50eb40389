import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { collectPages } from "../aws/paging";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectTemplate = dataSource({
  display: {
    label: "Select Template",
    description: "Pick one of the SES email templates of a region.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors (bad key, missing ses:ListEmailTemplates) are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { paginateListEmailTemplates } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const templates = await collectPages(
      paginateListEmailTemplates({ client, pageSize: 100 }, {}),
      (page) => page.TemplatesMetadata,
    );
    const names = templates.map((template) => template.TemplateName ?? "").filter(Boolean);
    return { result: names.sort().map((name) => ({ key: name, label: name })) };
  },
  examplePayload: {
    result: [
      { key: "order-shipped", label: "order-shipped" },
      { key: "password-reset", label: "password-reset" },
    ],
  },
});
