import { CreateContactListCommand } from "@aws-sdk/client-sesv2";
import { contactListWriteAction } from "./contactListWriteAction";

export const createContactList = contactListWriteAction({
  label: "Create Contact List",
  description: "Create the contact list (SES allows one per region) with its subscription topics.",
  existing: false,
  send: (client, input) => client.send(new CreateContactListCommand(input)),
});
