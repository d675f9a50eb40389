import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { contactListInput } from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { contactList: "newsletter", deleted: true } };

export const deleteContactList = action({
  display: {
    label: "Delete Contact List",
    description: "Delete a contact list and all its contacts.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteContactListCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteContactListCommand({ ContactListName: params.contactList }),
    );
    return { data: { contactList: params.contactList, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
