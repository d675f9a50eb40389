import type { SubscriptionStatus, Topic, TopicPreference } from "@aws-sdk/client-sesv2";
import { input } from "@prismatic-io/spectral";
import { parseBareAddress } from "../mail/addresses";
import { checkSesName } from "../values/sesName";
import { checkText } from "../values/text";
import {
  cleanBoolean,
  cleanKeyValueList,
  cleanOptional,
  cleanOptionalString,
  cleanString,
} from "./clean";

const status = (label: string, value: unknown): SubscriptionStatus => {
  const text = cleanString(value).toUpperCase();
  if (text !== "OPT_IN" && text !== "OPT_OUT")
    throw new Error(`${label} must be OPT_IN or OPT_OUT, not "${text}".`);
  return text;
};
const json = (label: string, value: unknown): unknown => {
  if (typeof value === "object" && value !== null) return value;
  try {
    return JSON.parse(cleanString(value));
  } catch (error) {
    throw new Error(`${label} is not valid JSON: ${(error as Error).message}`);
  }
};

export const contactListInput = input({
  label: "Contact List",
  type: "string",
  required: true,
  dataSource: "selectContactList",
  comments: "The contact list (an account has at most one per region).",
  example: "newsletter",
  clean: (value: unknown) => checkSesName("Contact List", cleanString(value), "contact list"),
});

export const newContactListInput = {
  ...contactListInput,
  dataSource: undefined,
  label: "Contact List Name",
};

export const contactListDescriptionInput = input({
  label: "Description",
  type: "string",
  required: false,
  comments: "What the list is for (at most 10,000 characters).",
  clean: cleanOptional((text) =>
    checkText("Description", text, { maxLength: 10_000, lineBreaks: true }),
  ),
});

export const topicsInput = input({
  label: "Topics",
  type: "code",
  language: "json",
  required: false,
  comments:
    'The list\'s topics (at most 20): a JSON array of {"name", "displayName", "description", "defaultSubscription": "OPT_IN" | "OPT_OUT"}. Recipients see the display names on the unsubscribe page.',
  example:
    '[{"name": "weekly-digest", "displayName": "Weekly digest", "defaultSubscription": "OPT_IN"}]',
  clean: (value: unknown): Topic[] | undefined => {
    if (value === undefined || value === null || value === "") return undefined;
    const topics = json("Topics", value);
    if (!Array.isArray(topics)) throw new Error("Topics must be a JSON array.");
    if (topics.length > 20) throw new Error("A contact list has at most 20 topics.");
    return topics.map((topic: Record<string, unknown>, index) => ({
      TopicName: checkSesName(`Topics[${index}].name`, cleanString(topic?.name), "topic"),
      DisplayName: cleanString(topic?.displayName) || cleanString(topic?.name),
      Description: cleanOptionalString(topic?.description),
      DefaultSubscriptionStatus: status(
        `Topics[${index}].defaultSubscription`,
        topic?.defaultSubscription ?? "OPT_IN",
      ),
    }));
  },
});

export const contactEmailInput = input({
  label: "Email Address",
  type: "string",
  required: true,
  comments: "The contact's address.",
  example: "jane@example.org",
  clean: (value: unknown) => parseBareAddress("Email Address", cleanString(value)),
});

export const topicPreferencesInput = input({
  label: "Topic Preferences",
  type: "string",
  collection: "keyvaluelist",
  required: false,
  comments:
    "Per topic (key = topic name): OPT_IN or OPT_OUT. Topics left out use the topic's default.",
  clean: (value: unknown): TopicPreference[] =>
    cleanKeyValueList(value).map(({ key, value: item }) => ({
      TopicName: checkSesName("Topic Preferences", key, "topic"),
      SubscriptionStatus: status(`Topic Preferences "${key}"`, item),
    })),
});

export const unsubscribeAllInput = input({
  label: "Unsubscribe From All",
  type: "boolean",
  required: false,
  default: "false",
  comments: "The contact opted out of every topic of the list.",
  clean: cleanBoolean("Unsubscribe From All"),
});

export const contactAttributesInput = input({
  label: "Attributes",
  type: "code",
  language: "json",
  required: false,
  comments:
    "Your own data about the contact, as a JSON object (for example a name to use in templates).",
  example: '{"firstName": "Jane", "plan": "pro"}',
  clean: (value: unknown): string | undefined => {
    if (value === undefined || value === null || value === "") return undefined;
    const attributes = json("Attributes", value);
    if (!attributes || typeof attributes !== "object" || Array.isArray(attributes)) {
      throw new Error("Attributes must be a JSON object.");
    }
    return JSON.stringify(attributes);
  },
});

export const filteredStatusInput = input({
  label: "Subscription Status",
  type: "string",
  required: false,
  model: [
    { label: "Any", value: "" },
    { label: "Opted in", value: "OPT_IN" },
    { label: "Opted out", value: "OPT_OUT" },
  ],
  comments: "Only contacts with this status (for the topic below, if one is given).",
  clean: (value: unknown) =>
    cleanString(value) ? status("Subscription Status", value) : undefined,
});

export const topicFilterInput = input({
  label: "Topic",
  type: "string",
  required: false,
  dataSource: "selectContactListTopic",
  comments:
    "Only contacts' preference for this topic is considered (their default when they set none).",
  clean: cleanOptionalString,
});
