import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectDedicatedIpPool = dataSource({
  display: {
    label: "Select Dedicated IP Pool",
    description: "Pick a dedicated IP pool of a region, for a configuration set's delivery.",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { ListDedicatedIpPoolsCommand } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListDedicatedIpPoolsCommand({ NextToken: token, PageSize: 100 }),
      );
      names.push(...(page.DedicatedIpPools ?? []).filter(Boolean));
      token = page.NextToken;
    } while (token);
    return { result: names.sort().map((name) => ({ key: name, label: name })) };
  },
  examplePayload: { result: [{ key: "tenant-acme-pool", label: "tenant-acme-pool" }] },
});
