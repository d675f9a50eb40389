import { input } from "@prismatic-io/spectral";
import { SES_EVENT_TYPES, type SesEventType } from "../sesEvents/normalize";
import { cleanBoolean, cleanOptionalString, cleanString, cleanStringList } from "./clean";
import { checkTopicArn } from "./topicArn";

export const allowedTopicArnsInput = input({
  label: "Allowed Topic ARNs",
  type: "string",
  collection: "valuelist",
  required: false,
  comments:
    "The SNS topics this trigger accepts messages from, besides Subscribe To Topic. At least one of the two must name a topic: with neither, every message is refused, because a valid SNS signature proves only that SNS sent a message, and anyone's topic can send to this URL. Messages from any other topic are refused before anything is done with them (no subscription is confirmed).",
  example: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
  clean: (value: unknown) =>
    cleanStringList(value).map((arn) => checkTopicArn("Allowed Topic ARNs", arn)),
});

/**
 * SNS gives up on an HTTP/S delivery within 3,600 s of its first try (a hard limit of its retry
 * policy; the default policy retries 3 times, 20 s apart), so a genuine message is never older.
 */
export const DEFAULT_MAX_MESSAGE_AGE_SECONDS = 3600;

export const maxMessageAgeInput = input({
  label: "Max Message Age (seconds)",
  type: "string",
  required: false,
  default: String(DEFAULT_MAX_MESSAGE_AGE_SECONDS),
  comments:
    "Refuse messages SNS sent longer ago than this (replay protection: a captured message cannot be posted again later). 3600 covers every retry SNS makes: its HTTP/S retry policy is capped at 3,600 s in total (the default policy retries 3 times, 20 s apart). Lower it if your topic's delivery policy retries for less. Timestamps more than 5 minutes in the future are always refused.",
  example: "3600",
  clean: (value: unknown): number => {
    const text = cleanString(value);
    if (text === "") return DEFAULT_MAX_MESSAGE_AGE_SECONDS;
    const seconds = Number(text);
    if (!Number.isInteger(seconds) || seconds < 60 || seconds > 1_209_600) {
      throw new Error(
        `Max Message Age must be a whole number of seconds from 60 to 1209600 (14 days), not "${text.slice(0, 40)}".`,
      );
    }
    return seconds;
  },
});

export const requireSignatureV2Input = input({
  label: "Require SignatureVersion 2",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Refuse messages signed with SignatureVersion 1 (SHA1withRSA). SNS signs with version 1 unless the topic's SignatureVersion attribute is set to 2 (SHA256withRSA); set that attribute first, then turn this on.",
  clean: cleanBoolean("Require SignatureVersion 2"),
});

export const optionalConnectionInput = input({
  label: "Connection",
  type: "connection",
  required: false,
  comments:
    "Needed only to subscribe the flow to a topic on deploy, point an identity's notifications at it, or fetch received mail from S3.",
});

export const subscribeTopicInput = input({
  label: "Subscribe To Topic",
  type: "string",
  required: false,
  comments:
    "When set, deploying the instance subscribes this flow's webhook URL to this SNS topic (and deleting it unsubscribes), and the trigger accepts messages from it. The trigger confirms the subscription itself. Leave empty to subscribe by hand (see the documentation), and list the topic in Allowed Topic ARNs.",
  example: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
  clean: (value: unknown) => {
    const text = cleanOptionalString(value);
    return text === undefined ? undefined : checkTopicArn("Subscribe To Topic", text);
  },
});

export const notifyIdentityInput = input({
  label: "Identity To Notify",
  type: "string",
  required: false,
  comments:
    "With Subscribe To Topic: also point this SES identity's notifications (of this trigger's types) at the topic on deploy, and clear them on delete if they still point there.",
  example: "example.com",
  clean: cleanOptionalString,
});

export const includeHeadersInput = input({
  label: "Include Original Headers",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "With Identity To Notify: ask SES to include the original message's headers in the notifications.",
  clean: cleanBoolean("Include Original Headers"),
});

export const eventTypesInput = input({
  label: "Event Types",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: `Only these SES event types are passed on to the flow; the rest go to the Ignored branch. Empty for all. Types: ${SES_EVENT_TYPES.join(", ")}.`,
  example: "Delivery",
  clean: (value: unknown): SesEventType[] =>
    cleanStringList(value).map((item) => {
      const type = item.replace(/\s+/g, "");
      if (!(SES_EVENT_TYPES as readonly string[]).includes(type)) {
        throw new Error(
          `Event Types: "${item}" is not an SES event type (${SES_EVENT_TYPES.join(", ")}).`,
        );
      }
      return type as SesEventType;
    }),
});

export const fetchStoredMailInput = input({
  label: "Fetch Email Content",
  type: "boolean",
  required: false,
  default: "true",
  comments:
    "Give the flow the parsed email: fetched from S3 (and decrypted) for an S3 receipt action, or decoded from the notification for an SNS receipt action. Needs a Connection for S3.",
  clean: cleanBoolean("Fetch Email Content", true),
});
