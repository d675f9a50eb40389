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
import { tenantSummary } from "./tenantOutput";

const examplePayload = {
  data: {
    tenants: [
      {
        tenantName: "acme-corp",
        tenantId: "tn-2a8c678ec0000fdaf76cc1f127b40" as string | null,
        tenantArn:
          "arn:aws:ses:us-east-1:111122223333:tenant/acme-corp/tn-2a8c678ec0000fdaf76cc1f127b40" as
            | string
            | null,
        createdAt: "2026-11-23T17:41:05.000Z" as string | null,
        sendingStatus: "ENABLED" as string | null,
      },
    ],
    nextToken: null as string | null,
  },
};

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
