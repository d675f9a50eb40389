import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectReceiptRuleSet = dataSource({
  display: {
    label: "Select Receipt Rule Set",
    description: "Pick a receipt rule set of a region (SES inbound mail).",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { ListReceiptRuleSetsCommand } = await import("@aws-sdk/client-ses");
    const client = await createSesClient(clientSettings(params));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListReceiptRuleSetsCommand({ NextToken: token }));
      names.push(...(page.RuleSets ?? []).map((set) => set.Name ?? "").filter(Boolean));
      token = page.NextToken;
    } while (token);
    return { result: names.sort().map((name) => ({ key: name, label: name })) };
  },
  examplePayload: { result: [{ key: "default-rule-set", label: "default-rule-set" }] },
});
