import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectReceiptFilter = dataSource({
  display: {
    label: "Select Receipt Filter",
    description: "Pick an IP address filter of incoming mail in a region, shown with its range.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { ListReceiptFiltersCommand } = await import("@aws-sdk/client-ses");
    const { Filters = [] } = await (await createSesClient(clientSettings(params))).send(
      new ListReceiptFiltersCommand({}),
    );
    return {
      result: Filters.filter((filter) => filter.Name)
        .map((filter) => ({
          key: filter.Name as string,
          label: `${filter.Name} (${filter.IpFilter?.Policy ?? "?"} ${filter.IpFilter?.Cidr ?? "?"})`,
        }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    };
  },
  examplePayload: {
    result: [{ key: "block-spam-range", label: "block-spam-range (Block 203.0.113.0/24)" }],
  },
});
