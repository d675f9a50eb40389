import type { Contact } from "@aws-sdk/client-sesv2";
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
import { contactListInput, filteredStatusInput, topicFilterInput } from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";
import { describePreferences } from "./describe";

const examplePayload = {
  data: {
    contacts: [
      {
        emailAddress: "jane@example.org",
        topicPreferences: { "weekly-digest": "OPT_IN" } as Record<string, string>,
        unsubscribeAll: false,
        updatedAt: "2026-11-20T12:30:00.000Z" as string | null,
      },
    ],
    nextToken: null as string | null,
  },
};

export const listContacts = action({
  display: {
    label: "List Contacts",
    description:
      "List a contact list's contacts, optionally only those opted in or out (of a topic).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    subscriptionStatus: filteredStatusInput,
    topic: topicFilterInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(1000, 100),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListContactsCommand, paginateListContacts } = await import("@aws-sdk/client-sesv2");
    if (params.topic && !params.subscriptionStatus)
      throw new Error("Topic filters by a Subscription Status: choose Opted in or Opted out.");
    const query = {
      ContactListName: params.contactList,
      Filter: params.subscriptionStatus
        ? {
            FilteredStatus: params.subscriptionStatus,
            TopicFilter: params.topic
              ? { TopicName: params.topic, UseDefaultIfPreferenceUnavailable: true }
              : undefined,
          }
        : undefined,
    };
    const client = await createSesV2Client(clientSettings(params));
    const describe = (contacts: Contact[]) =>
      contacts.map((contact) => ({
        emailAddress: contact.EmailAddress ?? "",
        topicPreferences: describePreferences(contact.TopicPreferences),
        unsubscribeAll: contact.UnsubscribeAll ?? false,
        updatedAt: contact.LastUpdatedTimestamp?.toISOString() ?? null,
      }));
    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListContacts({ client, pageSize: 1000 }, query),
      onePage: () =>
        client.send(
          new ListContactsCommand({
            ...query,
            PageSize: params.pageSize,
            NextToken: params.nextToken,
          }),
        ),
      itemsOf: (page) => page.Contacts,
      nextTokenOf: (page) => page.NextToken,
    });
    return { data: { contacts: describe(items), nextToken } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
