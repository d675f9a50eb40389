import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { collectPages } from "../aws/paging";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectTenant = dataSource({
  display: {
    label: "Select Tenant",
    description: "Pick one of the SES tenants of a region (paused ones say so).",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { paginateListTenants } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const tenants = await collectPages(
      paginateListTenants({ client, pageSize: 1000 }, {}),
      (page) => page.Tenants,
    );
    return {
      result: tenants
        .map((tenant) => ({
          key: tenant.TenantName ?? "",
          label:
            tenant.SendingStatus && tenant.SendingStatus !== "ENABLED"
              ? `${tenant.TenantName} (${tenant.SendingStatus.toLowerCase()})`
              : (tenant.TenantName ?? ""),
        }))
        .filter((item) => item.key)
        .sort((a, b) => a.key.localeCompare(b.key)),
    };
  },
  examplePayload: {
    result: [
      { key: "acme-corp", label: "acme-corp" },
      { key: "globex", label: "globex (disabled)" },
    ],
  },
});
