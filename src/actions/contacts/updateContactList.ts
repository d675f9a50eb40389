import { contactListWriteAction } from "./contactListWriteAction";

export const updateContactList = contactListWriteAction({
  label: "Update Contact List",
  description: "Replace a contact list's description and topics (topics left out are removed).",
  existing: true,
  send: async (client, input) => {
    const { UpdateContactListCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new UpdateContactListCommand(input));
  },
});
