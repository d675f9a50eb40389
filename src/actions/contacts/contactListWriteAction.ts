import type { CreateContactListCommandInput, SESv2Client } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  contactListDescriptionInput,
  contactListInput,
  newContactListInput,
  topicsInput,
} from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";
import { describeTopics, EXAMPLE_TOPICS } from "./describe";

const examplePayload = {
  data: {
    contactList: "newsletter",
    description: "Product news" as string | null,
    topics: EXAMPLE_TOPICS,
  },
};

/** Create and Update Contact List: the same inputs and output, a different SES command. */
export function contactListWriteAction(options: {
  label: string;
  description: string;
  existing: boolean;
  send: (client: SESv2Client, input: CreateContactListCommandInput) => Promise<unknown>;
}) {
  return action({
    display: { label: options.label, description: options.description },
    inputs: {
      connection: connectionInput,
      region: regionInput,
      contactList: options.existing ? contactListInput : newContactListInput,
      description: contactListDescriptionInput,
      topics: topicsInput,
      endpoint: endpointInput,
    },
    performSafety: "notAllowed",
    perform: async (_context, params) => {
      await options.send(await createSesV2Client(clientSettings(params)), {
        ContactListName: params.contactList,
        Description: params.description,
        Topics: params.topics,
      });
      return {
        data: {
          contactList: params.contactList,
          description: params.description ?? null,
          topics: describeTopics(params.topics),
        },
      };
    },
    examplePayload,
    outputSchema: outputSchemaFrom(examplePayload.data),
  });
}
