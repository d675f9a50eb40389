import { CreateContactListCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  contactListDescriptionInput,
  newContactListInput,
  topicsInput,
} from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";
import { describeTopics, EXAMPLE_TOPICS } from "./describe";

const examplePayload = {
  data: {
    contactList: "newsletter",
    description: "Product news" as string | null,
    topics: EXAMPLE_TOPICS,
  },
};

export const createContactList = action({
  display: {
    label: "Create Contact List",
    description:
      "Create the contact list (SES allows one per region) with its subscription topics.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: newContactListInput,
    description: contactListDescriptionInput,
    topics: topicsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    await createSesV2Client(clientSettings(params)).send(
      new CreateContactListCommand({
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
