import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { contactEmailInput, contactListInput } from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { contactList: "newsletter", emailAddress: "jane@example.org", deleted: true },
};

export const deleteContact = action({
  display: { label: "Delete Contact", description: "Remove a contact from a contact list." },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    contactList: contactListInput,
    emailAddress: contactEmailInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteContactCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteContactCommand({
        ContactListName: params.contactList,
        EmailAddress: params.emailAddress,
      }),
    );
    return {
      data: { contactList: params.contactList, emailAddress: params.emailAddress, deleted: true },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
