import { input } from "@prismatic-io/spectral";
import { checkSesName } from "../values/sesName";
import { cleanOptional, cleanOptionalString } from "./clean";

export const fromArnInput = input({
  label: "From Identity ARN",
  type: "string",
  required: false,
  comments:
    "Sending authorization: the ARN of another account's identity whose sending policy lets you send as it (From must be an address of that identity).",
  example: "arn:aws:ses:us-east-1:444455556666:identity/example.com",
  clean: cleanOptionalString,
});

export const feedbackForwardingAddressInput = input({
  label: "Feedback Forwarding Address",
  type: "string",
  required: false,
  comments:
    "Where bounces and complaints are forwarded by email (the Return-Path) instead of the From address.",
  example: "bounces@example.com",
  clean: cleanOptionalString,
});

export const feedbackForwardingArnInput = input({
  label: "Feedback Forwarding Identity ARN",
  type: "string",
  required: false,
  comments:
    "Sending authorization: the ARN of the identity that authorizes the Feedback Forwarding Address.",
  example: "arn:aws:ses:us-east-1:444455556666:identity/example.com",
  clean: cleanOptionalString,
});

export const listContactListInput = input({
  label: "Unsubscribe Contact List",
  type: "string",
  required: false,
  dataSource: "selectContactList",
  comments:
    "List management: the contact list the recipients are on. SES then adds one-click unsubscribe headers and skips recipients who unsubscribed.",
  example: "newsletter",
  clean: cleanOptional((text) => checkSesName("Unsubscribe Contact List", text, "contact list")),
});

export const listTopicInput = input({
  label: "Unsubscribe Topic",
  type: "string",
  required: false,
  dataSource: "selectContactListTopic",
  comments:
    "List management: the topic of the contact list this message belongs to (needs Unsubscribe Contact List).",
  example: "weekly-digest",
  clean: cleanOptionalString,
});

/** The sending-authorization inputs every send action offers. */
export const sendingAuthorizationInputs = {
  fromArn: fromArnInput,
  feedbackForwardingAddress: feedbackForwardingAddressInput,
  feedbackForwardingArn: feedbackForwardingArnInput,
};

/** The list-management inputs of the single-message send actions (SendBulkEmail has no such option). */
export const listManagementInputs = {
  contactList: listContactListInput,
  topic: listTopicInput,
};
