import { contactWriteAction } from "./contactWriteAction";

export const createContact = contactWriteAction({
  label: "Create Contact",
  description: "Add a contact to a contact list, with topic preferences and attributes.",
  send: async (client, input) => {
    const { CreateContactCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new CreateContactCommand(input));
  },
});
