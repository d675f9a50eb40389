import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import {
  connectionInput,
  endpointInput,
  nextTokenInput,
  pageSizeInput,
  regionInput,
} from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    contactLists: [
      { contactList: "newsletter", updatedAt: "2026-11-20T12:30:00.000Z" as string | null },
    ],
    nextToken: null as string | null,
  },
};

export const listContactLists = action({
  display: { label: "List Contact Lists", description: "List the contact lists of this region." },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    pageSize: pageSizeInput(1000, 100),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListContactListsCommand } = await import("@aws-sdk/client-sesv2");
    const page = await (await createSesV2Client(clientSettings(params))).send(
      new ListContactListsCommand({ PageSize: params.pageSize, NextToken: params.nextToken }),
    );
    return {
      data: {
        contactLists: (page.ContactLists ?? []).map((list) => ({
          contactList: list.ContactListName ?? "",
          updatedAt: list.LastUpdatedTimestamp?.toISOString() ?? null,
        })),
        nextToken: page.NextToken ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
