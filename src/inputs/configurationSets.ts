import type { EventType } from "@aws-sdk/client-sesv2";
import { input } from "@prismatic-io/spectral";
import isFQDN from "validator/lib/isFQDN";
import { topicRegion } from "../sns/snsMessage";
import { checkSesName } from "../values/sesName";
import { cleanBoolean, cleanString, cleanStringList } from "./clean";

export const configurationSetNameInput = input({
  label: "Configuration Set",
  type: "string",
  required: true,
  dataSource: "selectConfigurationSet",
  comments: "The configuration set.",
  example: "transactional",
  clean: (value: unknown) =>
    checkSesName("Configuration Set", cleanString(value), "configuration set"),
});

export const newConfigurationSetNameInput = {
  ...configurationSetNameInput,
  dataSource: undefined,
  label: "Configuration Set Name",
};

export const tlsRequiredInput = input({
  label: "Require TLS",
  type: "boolean",
  required: false,
  default: "false",
  comments: "Only deliver over TLS; mail to servers without TLS bounces.",
  clean: cleanBoolean("Require TLS"),
});

export const reputationMetricsInput = input({
  label: "Reputation Metrics",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Publish bounce and complaint rates for this set to CloudWatch.",
  clean: cleanBoolean("Reputation Metrics", true),
});

export const suppressedReasonsInput = input({
  label: "Suppress On",
  type: "string",
  collection: "valuelist",
  required: false,
  comments:
    "Override the account's suppression list for this set: BOUNCE and/or COMPLAINT. Empty keeps the account setting.",
  clean: (value: unknown) =>
    cleanStringList(value).map((item) => {
      const reason = item.toUpperCase();
      if (reason !== "BOUNCE" && reason !== "COMPLAINT")
        throw new Error(`Suppress On: "${item}" is not BOUNCE or COMPLAINT.`);
      return reason as "BOUNCE" | "COMPLAINT";
    }),
});

export const customRedirectDomainInput = input({
  label: "Custom Tracking Domain",
  type: "string",
  required: false,
  comments: "A verified domain of yours for open and click tracking links, instead of SES's.",
  example: "track.example.com",
  clean: (value: unknown) => {
    const text = cleanString(value);
    if (text === "") return undefined;
    if (!isFQDN(text)) {
      throw new Error(`Custom Tracking Domain "${text.slice(0, 70)}" is not a domain name.`);
    }
    return text;
  },
});

export const EVENT_TYPES: EventType[] = [
  "SEND",
  "REJECT",
  "BOUNCE",
  "COMPLAINT",
  "DELIVERY",
  "OPEN",
  "CLICK",
  "RENDERING_FAILURE",
  "DELIVERY_DELAY",
  "SUBSCRIPTION",
];

export const eventDestinationNameInput = input({
  label: "Event Destination Name",
  type: "string",
  required: true,
  comments: "Name of the event destination within the configuration set.",
  example: "to-prismatic",
  clean: (value: unknown) =>
    checkSesName("Event Destination Name", cleanString(value), "event destination"),
});

export const matchingEventTypesInput = input({
  label: "Event Types",
  type: "string",
  collection: "valuelist",
  required: true,
  comments: `Which events to publish: ${EVENT_TYPES.join(", ")}.`,
  example: "BOUNCE",
  clean: (value: unknown): EventType[] => {
    const types = cleanStringList(value).map((item) => {
      const type = item.toUpperCase().replace(/\s+/g, "_");
      if (!(EVENT_TYPES as string[]).includes(type))
        throw new Error(`Event Types: "${item}" is not one of ${EVENT_TYPES.join(", ")}.`);
      return type as EventType;
    });
    if (types.length === 0) throw new Error("Event Types: choose at least one event type.");
    return types;
  },
});

export const snsTopicArnInput = input({
  label: "SNS Topic ARN",
  type: "string",
  required: true,
  comments: "The SNS topic the events go to; subscribe a trigger's webhook to it.",
  example: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
  clean: (value: unknown) => {
    const arn = cleanString(value);
    if (!topicRegion(arn)) throw new Error(`SNS Topic ARN "${arn}" is not an SNS topic ARN.`);
    return arn;
  },
});
