import { action, input } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { onePageOrAll } from "../../aws/paging";
import { cleanOptional } from "../../inputs/clean";
import {
  connectionInput,
  endpointInput,
  fetchAllInput,
  nextTokenInput,
  pageSizeInput,
  regionInput,
} from "../../inputs/common";
import { sendingStatusFilterInput } from "../../inputs/tenants";
import { outputSchemaFrom } from "../outputSchema";
import { exampleTenant, tenantSummary } from "./tenantOutput";

const { tags: _tags, suppression: _suppression, ...exampleSummary } = exampleTenant;
const examplePayload = { data: { tenants: [exampleSummary], nextToken: null as string | null } };

export const listTenants = action({
  display: {
    label: "List Tenants",
    description:
      "List the SES tenants of this region, optionally only those whose name contains a text or with a sending status (to find paused customers).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    nameContains: input({
      label: "Name Contains",
      type: "string",
      required: false,
      comments: "Only tenants whose name contains this text.",
      clean: cleanOptional((text) => {
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) {
          throw new Error(
            `Name Contains "${text.slice(0, 70)}" can only hold what tenant names hold: 1 to 64 letters, digits, "_" or "-".`,
          );
        }
        return text;
      }),
    }),
    sendingStatus: sendingStatusFilterInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(1000, 100),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListTenantsCommand, paginateListTenants } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const filter = {
      ...(params.nameContains ? { TENANT_NAME_CONTAINS: params.nameContains } : {}),
      ...(params.sendingStatus ? { SENDING_STATUS: params.sendingStatus } : {}),
    };
    const query = { Filter: Object.keys(filter).length ? filter : undefined };
    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListTenants({ client, pageSize: 1000 }, query),
      onePage: () =>
        client.send(
          new ListTenantsCommand({
            ...query,
            PageSize: params.pageSize,
            NextToken: params.nextToken,
          }),
        ),
      itemsOf: (page) => page.Tenants,
      nextTokenOf: (page) => page.NextToken,
    });
    return {
      data: {
        tenants: items.map(tenantSummary),
        nextToken,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
