import { CreateContactCommand } from "@aws-sdk/client-sesv2";
import { contactWriteAction } from "./contactWriteAction";

export const createContact = contactWriteAction({
  label: "Create Contact",
  description: "Add a contact to a contact list, with topic preferences and attributes.",
  send: (client, input) => client.send(new CreateContactCommand(input)),
});
