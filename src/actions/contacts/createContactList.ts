import { contactListWriteAction } from "./contactListWriteAction";

export const createContactList = contactListWriteAction({
  label: "Create Contact List",
  description: "Create the contact list (SES allows one per region) with its subscription topics.",
  existing: false,
  send: async (client, input) => {
    const { CreateContactListCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new CreateContactListCommand(input));
  },
});
