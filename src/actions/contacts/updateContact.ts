import { UpdateContactCommand } from "@aws-sdk/client-sesv2";
import { contactWriteAction } from "./contactWriteAction";

export const updateContact = contactWriteAction({
  label: "Update Contact",
  description: "Replace a contact's topic preferences, unsubscribe-all flag and attributes.",
  send: (client, input) => client.send(new UpdateContactCommand(input)),
});
