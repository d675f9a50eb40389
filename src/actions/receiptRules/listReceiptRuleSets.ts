import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, nextTokenInput, regionInput } from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    ruleSets: [
      { name: "default-rule-set", createdAt: "2026-09-14T08:00:00.000Z" as string | null },
    ],
    nextToken: null as string | null,
  },
};

export const listReceiptRuleSets = action({
  display: {
    label: "List Receipt Rule Sets",
    description: "List the receipt rule sets of this region (SES v1 inbound mail).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListReceiptRuleSetsCommand } = await import("@aws-sdk/client-ses");
    const page = await (await createSesClient(clientSettings(params))).send(
      new ListReceiptRuleSetsCommand({ NextToken: params.nextToken }),
    );
    return {
      data: {
        ruleSets: (page.RuleSets ?? []).map((set) => ({
          name: set.Name ?? "",
          createdAt: set.CreatedTimestamp?.toISOString() ?? null,
        })),
        nextToken: page.NextToken ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
