import { UpdateContactListCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { contactListDescriptionInput, contactListInput, topicsInput } from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";
import { describeTopics, EXAMPLE_TOPICS } from "./describe";

const examplePayload = {
  data: {
    contactList: "newsletter",
    description: "Product news" as string | null,
    topics: EXAMPLE_TOPICS,
  },
};

export const updateContactList = action({
  display: {
    label: "Update Contact List",
    description: "Replace a contact list's description and topics (topics left out are removed).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    description: contactListDescriptionInput,
    topics: topicsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    await createSesV2Client(clientSettings(params)).send(
      new UpdateContactListCommand({
        ContactListName: params.contactList,
        Description: params.description,
        Topics: params.topics,
      }),
    );
    return {
      data: {
        contactList: params.contactList,
        description: params.description ?? null,
        topics: describeTopics(params.topics),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
