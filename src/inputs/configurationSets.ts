import type { EventType } from "@aws-sdk/client-sesv2";
import { input } from "@prismatic-io/spectral";
import isFQDN from "validator/lib/isFQDN";
import { checkSesName } from "../values/sesName";
import { cleanBoolean, cleanChoice, cleanOptional, cleanString, cleanStringList } from "./clean";
import { checkTopicArn } from "./topicArn";

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
  clean: (value: unknown) => checkTopicArn("SNS Topic ARN", cleanString(value)),
});

export const sendingEnabledInput = input({
  label: "Sending Enabled",
  type: "boolean",
  required: true,
  default: "true",
  comments:
    "Off pauses all mail sent with this configuration set (SES refuses it); on resumes. Pausing a tenant's set pauses that tenant.",
  clean: cleanBoolean("Sending Enabled", true),
});

export const HTTPS_POLICIES = ["REQUIRE", "REQUIRE_OPEN_ONLY", "OPTIONAL"] as const;

export const httpsPolicyInput = input({
  label: "HTTPS Policy",
  type: "string",
  required: false,
  default: "OPTIONAL",
  model: [
    { label: "Optional: HTTP or HTTPS as the link was (OPTIONAL)", value: "OPTIONAL" },
    { label: "HTTPS for opens and clicks (REQUIRE)", value: "REQUIRE" },
    { label: "HTTPS for opens only (REQUIRE_OPEN_ONLY)", value: "REQUIRE_OPEN_ONLY" },
  ],
  comments:
    "Whether open and click tracking links use HTTPS. REQUIRE needs a certificate for the custom tracking domain.",
  clean: cleanChoice("HTTPS Policy", HTTPS_POLICIES, "OPTIONAL"),
});

export const sendingPoolInput = input({
  label: "Dedicated IP Pool",
  type: "string",
  required: false,
  dataSource: "selectDedicatedIpPool",
  comments:
    "The dedicated IP pool to send this set's mail from (a pool of your account). Leave empty for the shared IPs.",
  example: "tenant-acme-pool",
  clean: (value: unknown) => {
    const text = cleanString(value);
    return text === "" ? undefined : checkSesName("Dedicated IP Pool", text, "dedicated IP pool");
  },
});

export const maxDeliverySecondsInput = input({
  label: "Max Delivery Seconds",
  type: "string",
  required: false,
  comments:
    "How long SES keeps retrying a message before giving up: 300 to 50,400 seconds (5 minutes to 14 hours). Leave empty for SES's default (14 hours).",
  example: "3600",
  clean: (value: unknown) => {
    const text = cleanString(value);
    if (text === "") return undefined;
    const seconds = Number(text);
    if (!Number.isInteger(seconds) || seconds < 300 || seconds > 50_400) {
      throw new Error(
        `Max Delivery Seconds must be a whole number from 300 to 50400, not "${text.slice(0, 30)}".`,
      );
    }
    return seconds;
  },
});

export const setSuppressedReasonsInput = input({
  label: "Suppress On",
  type: "string",
  collection: "valuelist",
  required: false,
  comments:
    "What adds a recipient to the suppression list when mail is sent with this set, instead of the account's setting: BOUNCE and/or COMPLAINT. An empty list suppresses on neither.",
  example: "BOUNCE",
  clean: (value: unknown) => suppressedReasonsInput.clean(value),
});

export const DESTINATION_TYPES = ["SNS", "EVENT_BRIDGE", "CLOUDWATCH"] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

export const destinationTypeInput = input({
  label: "Destination Type",
  type: "string",
  required: true,
  default: "SNS",
  model: [
    { label: "Amazon SNS topic (for this component's triggers)", value: "SNS" },
    { label: "Amazon EventBridge event bus", value: "EVENT_BRIDGE" },
    { label: "Amazon CloudWatch metrics", value: "CLOUDWATCH" },
  ],
  comments:
    "Where SES publishes the events. SNS feeds the SES Notification trigger; EventBridge and CloudWatch feed AWS-side rules and dashboards.",
  clean: cleanChoice("Destination Type", DESTINATION_TYPES, "SNS"),
});

export const optionalSnsTopicArnInput = {
  ...snsTopicArnInput,
  required: false,
  comments:
    "For an SNS destination: the topic the events go to; subscribe a trigger's webhook to it.",
  clean: cleanOptional((text) => checkTopicArn("SNS Topic ARN", text)),
};

const EVENT_BUS_ARN = /^arn:aws(-[a-z]+)*:events:[a-z0-9-]+:\d{12}:event-bus\/[\w.\-/]{1,256}$/;

export const eventBusArnInput = input({
  label: "Event Bus ARN",
  type: "string",
  required: false,
  comments:
    "For an EventBridge destination: the event bus, such as your account's default bus (arn:aws:events:REGION:ACCOUNT:event-bus/default).",
  example: "arn:aws:events:us-east-1:111122223333:event-bus/default",
  clean: (value: unknown) => {
    const arn = cleanString(value);
    if (arn === "") return undefined;
    if (!EVENT_BUS_ARN.test(arn)) {
      throw new Error(`Event Bus ARN "${arn.slice(0, 120)}" is not an EventBridge event bus ARN.`);
    }
    return arn;
  },
});

export interface CloudWatchDimension {
  DimensionName: string;
  DimensionValueSource: "MESSAGE_TAG" | "EMAIL_HEADER" | "LINK_TAG";
  DefaultDimensionValue: string;
}

const DIMENSION_SOURCES = ["MESSAGE_TAG", "EMAIL_HEADER", "LINK_TAG"];
const DIMENSION_TEXT = /^[A-Za-z0-9_:-]{1,256}$/;

export const cloudWatchDimensionsInput = input({
  label: "CloudWatch Dimensions",
  type: "code",
  language: "json",
  required: false,
  comments:
    'For a CloudWatch destination: a JSON array of dimensions, each {"name": ..., "source": "MESSAGE_TAG" | "EMAIL_HEADER" | "LINK_TAG", "default": ...}: SES takes the dimension\'s value from that message tag, header or link tag, else the default.',
  example: '[{"name": "tenant", "source": "MESSAGE_TAG", "default": "none"}]',
  clean: (value: unknown): CloudWatchDimension[] => {
    const text = cleanString(value);
    if (text === "") return [];
    let parsed: unknown;
    try {
      parsed = typeof value === "object" ? value : JSON.parse(text);
    } catch {
      throw new Error("CloudWatch Dimensions is not valid JSON.");
    }
    if (!Array.isArray(parsed)) throw new Error("CloudWatch Dimensions must be a JSON array.");
    return parsed.map((item, index) => {
      const { name, source, default: fallback } = (item ?? {}) as Record<string, unknown>;
      const where = `CloudWatch Dimensions[${index}]`;
      if (typeof name !== "string" || !DIMENSION_TEXT.test(name)) {
        throw new Error(`${where}.name must be 1 to 256 letters, digits, "_", ":" or "-".`);
      }
      if (typeof source !== "string" || !DIMENSION_SOURCES.includes(source)) {
        throw new Error(`${where}.source must be MESSAGE_TAG, EMAIL_HEADER or LINK_TAG.`);
      }
      if (typeof fallback !== "string" || !DIMENSION_TEXT.test(fallback)) {
        throw new Error(`${where}.default must be 1 to 256 letters, digits, "_", ":" or "-".`);
      }
      return {
        DimensionName: name,
        DimensionValueSource: source as CloudWatchDimension["DimensionValueSource"],
        DefaultDimensionValue: fallback,
      };
    });
  },
});

export const destinationEnabledInput = input({
  label: "Enabled",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Off: the destination stays, but SES publishes nothing to it until it is turned on.",
  clean: cleanBoolean("Enabled", true),
});
