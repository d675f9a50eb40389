import { UpdateContactListCommand } from "@aws-sdk/client-sesv2";
import { contactListWriteAction } from "./contactListWriteAction";

export const updateContactList = contactListWriteAction({
  label: "Update Contact List",
  description: "Replace a contact list's description and topics (topics left out are removed).",
  existing: true,
  send: (client, input) => client.send(new UpdateContactListCommand(input)),
});
