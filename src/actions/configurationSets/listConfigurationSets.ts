import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { onePageOrAll } from "../../aws/paging";
import {
  connectionInput,
  endpointInput,
  fetchAllInput,
  nextTokenInput,
  pageSizeInput,
  regionInput,
} from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { configurationSets: ["transactional", "marketing"], nextToken: null as string | null },
};

export const listConfigurationSets = action({
  display: {
    label: "List Configuration Sets",
    description: "List the SES configuration sets of this region.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(1000, 100),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListConfigurationSetsCommand, paginateListConfigurationSets } = await import(
      "@aws-sdk/client-sesv2"
    );
    const client = await createSesV2Client(clientSettings(params));
    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListConfigurationSets({ client, pageSize: 1000 }, {}),
      onePage: () =>
        client.send(
          new ListConfigurationSetsCommand({
            PageSize: params.pageSize,
            NextToken: params.nextToken,
          }),
        ),
      itemsOf: (page) => page.ConfigurationSets,
      nextTokenOf: (page) => page.NextToken,
    });
    return { data: { configurationSets: items, nextToken } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
