import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";
import { contactListInput } from "../inputs/contacts";

export const selectContactListTopic = dataSource({
  display: { label: "Select Contact List Topic", description: "Pick a topic of a contact list." },
  dataSourceType: "picklist",
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    endpoint: endpointInput,
  },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { GetContactListCommand } = await import("@aws-sdk/client-sesv2");
    const { Topics } = await (await createSesV2Client(clientSettings(params))).send(
      new GetContactListCommand({ ContactListName: params.contactList }),
    );
    return {
      result: (Topics ?? []).map((topic) => ({
        key: topic.TopicName ?? "",
        label: topic.DisplayName || topic.TopicName || "",
      })),
    };
  },
  examplePayload: { result: [{ key: "weekly-digest", label: "Weekly digest" }] },
});
