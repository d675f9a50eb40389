import { UpdateContactCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  contactAttributesInput,
  contactEmailInput,
  contactListInput,
  topicPreferencesInput,
  unsubscribeAllInput,
} from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    contactList: "newsletter",
    emailAddress: "jane@example.org",
    topicPreferences: { "weekly-digest": "OPT_IN" } as Record<string, string>,
    unsubscribeAll: false,
  },
};

export const updateContact = action({
  display: {
    label: "Update Contact",
    description: "Replace a contact's topic preferences, unsubscribe-all flag and attributes.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    emailAddress: contactEmailInput,
    topicPreferences: topicPreferencesInput,
    unsubscribeAll: unsubscribeAllInput,
    attributes: contactAttributesInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    await createSesV2Client(clientSettings(params)).send(
      new UpdateContactCommand({
        ContactListName: params.contactList,
        EmailAddress: params.emailAddress,
        TopicPreferences: params.topicPreferences.length ? params.topicPreferences : undefined,
        UnsubscribeAll: params.unsubscribeAll,
        AttributesData: params.attributes,
      }),
    );
    return {
      data: {
        contactList: params.contactList,
        emailAddress: params.emailAddress,
        topicPreferences: Object.fromEntries(
          params.topicPreferences.map((p) => [p.TopicName ?? "", p.SubscriptionStatus ?? ""]),
        ) as Record<string, string>,
        unsubscribeAll: params.unsubscribeAll,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
