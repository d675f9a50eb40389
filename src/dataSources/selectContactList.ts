import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { collectPages } from "../aws/paging";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectContactList = dataSource({
  display: { label: "Select Contact List", description: "Pick the contact list of a region." },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { paginateListContactLists } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const lists = await collectPages(
      paginateListContactLists({ client, pageSize: 1000 }, {}),
      (page) => page.ContactLists,
    );
    const names = lists
      .map((list) => list.ContactListName ?? "")
      .filter(Boolean)
      .sort();
    return { result: names.map((name) => ({ key: name, label: name })) };
  },
  examplePayload: { result: [{ key: "newsletter", label: "newsletter" }] },
});
