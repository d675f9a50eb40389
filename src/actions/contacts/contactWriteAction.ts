import type { CreateContactCommandInput, SESv2Client } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  contactAttributesInput,
  contactEmailInput,
  contactListInput,
  topicPreferencesInput,
  unsubscribeAllInput,
} from "../../inputs/contacts";
import { outputSchemaFrom } from "../outputSchema";
import { describePreferences } from "./describe";

const examplePayload = {
  data: {
    contactList: "newsletter",
    emailAddress: "jane@example.org",
    topicPreferences: { "weekly-digest": "OPT_IN" } as Record<string, string>,
    unsubscribeAll: false,
  },
};

/** Create Contact and Update Contact: the same inputs and output, a different SES command. */
export function contactWriteAction(options: {
  label: string;
  description: string;
  send: (client: SESv2Client, input: CreateContactCommandInput) => Promise<unknown>;
}) {
  return action({
    display: { label: options.label, description: options.description },
    inputs: {
      connection: connectionInput,
      region: regionInput,
      contactList: contactListInput,
      emailAddress: contactEmailInput,
      topicPreferences: topicPreferencesInput,
      unsubscribeAll: unsubscribeAllInput,
      attributes: contactAttributesInput,
      endpoint: endpointInput,
    },
    performSafety: "notAllowed",
    perform: async (_context, params) => {
      await options.send(await createSesV2Client(clientSettings(params)), {
        ContactListName: params.contactList,
        EmailAddress: params.emailAddress,
        TopicPreferences: params.topicPreferences.length ? params.topicPreferences : undefined,
        UnsubscribeAll: params.unsubscribeAll,
        AttributesData: params.attributes,
      });
      return {
        data: {
          contactList: params.contactList,
          emailAddress: params.emailAddress,
          topicPreferences: describePreferences(params.topicPreferences),
          unsubscribeAll: params.unsubscribeAll,
        },
      };
    },
    examplePayload,
    outputSchema: outputSchemaFrom(examplePayload.data),
  });
}
