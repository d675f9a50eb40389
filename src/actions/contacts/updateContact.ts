import { contactWriteAction } from "./contactWriteAction";

export const updateContact = contactWriteAction({
  label: "Update Contact",
  description: "Replace a contact's topic preferences, unsubscribe-all flag and attributes.",
  send: async (client, input) => {
    const { UpdateContactCommand } = await import("@aws-sdk/client-sesv2");
    return client.send(new UpdateContactCommand(input));
  },
});
