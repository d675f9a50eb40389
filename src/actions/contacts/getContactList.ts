import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { contactListInput } from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";
import { describeTopics, EXAMPLE_TOPICS } from "./describe";

const examplePayload = {
  data: {
    contactList: "newsletter",
    description: "Product news" as string | null,
    topics: EXAMPLE_TOPICS,
    createdAt: "2026-10-01T09:00:00.000Z" as string | null,
    updatedAt: "2026-11-20T12:30:00.000Z" as string | null,
  },
};

export const getContactList = action({
  display: {
    label: "Get Contact List",
    description: "Get a contact list's description and topics.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetContactListCommand } = await import("@aws-sdk/client-sesv2");
    const list = await (await createSesV2Client(clientSettings(params))).send(
      new GetContactListCommand({ ContactListName: params.contactList }),
    );
    return {
      data: {
        contactList: list.ContactListName ?? params.contactList,
        description: list.Description ?? null,
        topics: describeTopics(list.Topics),
        createdAt: list.CreatedTimestamp?.toISOString() ?? null,
        updatedAt: list.LastUpdatedTimestamp?.toISOString() ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
