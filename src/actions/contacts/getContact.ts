import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { contactEmailInput, contactListInput } from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";
import { describePreferences } from "./describe";

const examplePayload = {
  data: {
    contactList: "newsletter",
    emailAddress: "jane@example.org",
    topicPreferences: { "weekly-digest": "OPT_OUT" } as Record<string, string>,
    topicDefaults: { "weekly-digest": "OPT_IN" } as Record<string, string>,
    unsubscribeAll: false,
    attributes: { firstName: "Jane" } as unknown,
    updatedAt: "2026-11-20T12:30:00.000Z" as string | null,
  },
};

export const getContact = action({
  display: {
    label: "Get Contact",
    description:
      "Get a contact's topic preferences (and the topic defaults), unsubscribe status and attributes.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    emailAddress: contactEmailInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetContactCommand } = await import("@aws-sdk/client-sesv2");
    const contact = await (await createSesV2Client(clientSettings(params))).send(
      new GetContactCommand({
        ContactListName: params.contactList,
        EmailAddress: params.emailAddress,
      }),
    );
    return {
      data: {
        contactList: params.contactList,
        emailAddress: contact.EmailAddress ?? params.emailAddress,
        topicPreferences: describePreferences(contact.TopicPreferences),
        topicDefaults: describePreferences(contact.TopicDefaultPreferences),
        unsubscribeAll: contact.UnsubscribeAll ?? false,
        attributes: contact.AttributesData ? (JSON.parse(contact.AttributesData) as unknown) : null,
        updatedAt: contact.LastUpdatedTimestamp?.toISOString() ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
