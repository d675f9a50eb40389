import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { collectPages } from "../aws/paging";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectConfigurationSet = dataSource({
  display: {
    label: "Select Configuration Set",
    description: "Pick one of the SES configuration sets of a region.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { paginateListConfigurationSets } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const names = await collectPages(
      paginateListConfigurationSets({ client, pageSize: 1000 }, {}),
      (page) => page.ConfigurationSets,
    );
    return { result: names.sort().map((name) => ({ key: name, label: name })) };
  },
  examplePayload: {
    result: [
      { key: "marketing", label: "marketing" },
      { key: "transactional", label: "transactional" },
    ],
  },
});
