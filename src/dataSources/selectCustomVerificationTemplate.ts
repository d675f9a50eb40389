import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { collectPages } from "../aws/paging";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectCustomVerificationTemplate = dataSource({
  display: {
    label: "Select Custom Verification Template",
    description: "Pick a custom verification email template of a region.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { paginateListCustomVerificationEmailTemplates } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const templates = await collectPages(
      paginateListCustomVerificationEmailTemplates({ client, pageSize: 50 }, {}),
      (page) => page.CustomVerificationEmailTemplates,
    );
    const names = templates
      .map((template) => template.TemplateName ?? "")
      .filter(Boolean)
      .sort();
    return { result: names.map((name) => ({ key: name, label: name })) };
  },
  examplePayload: { result: [{ key: "welcome-verify", label: "welcome-verify" }] },
});
