import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { filters: [{ name: "block-spam-range", cidr: "203.0.113.0/24", policy: "Block" }] },
};

export const listReceiptFilters = action({
  display: {
    label: "List Receipt Filters",
    description: "List the IP address filters that block or allow incoming mail in this region.",
  },
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListReceiptFiltersCommand } = await import("@aws-sdk/client-ses");
    const { Filters } = await (await createSesClient(clientSettings(params))).send(
      new ListReceiptFiltersCommand({}),
    );
    return {
      data: {
        filters: (Filters ?? []).map((filter) => ({
          name: filter.Name ?? "",
          cidr: filter.IpFilter?.Cidr ?? "",
          policy: (filter.IpFilter?.Policy as string | undefined) ?? "",
        })),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
