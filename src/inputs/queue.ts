import { input } from "@prismatic-io/spectral";
import { SES_EVENT_TYPES } from "../sesEvents/normalize";
import { cleanBoolean, cleanInteger, cleanString } from "./clean";
import { endpointInput } from "./common";
import { allowedTopicArnsInput, eventTypesInput } from "./triggers";

/** Shape only here: the full check needs Region and the endpoint (checkQueueUrl, before any call). */
const cleanQueueUrl = (label: string) => (value: unknown) => {
  const text = cleanString(value);
  if (text === "") throw new Error(`${label} is required: the URL of an SQS queue.`);
  if (text.length > 1024) throw new Error(`${label} is longer than any SQS queue URL.`);
  return text;
};

export const queueUrlInput = input({
  label: "Queue URL",
  type: "string",
  required: true,
  dataSource: "selectQueue",
  comments:
    "The SQS queue SES events arrive in (an SNS topic's subscription, or SES event publishing through SNS). Pick it from the list or paste its URL; it must be in Region.",
  example: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events",
  clean: cleanQueueUrl("Queue URL"),
});

export const deadLetterQueueUrlInput = input({
  label: "Dead-Letter Queue URL",
  type: "string",
  required: true,
  dataSource: "selectQueue",
  comments:
    "The queue failed messages were moved to (the deadLetterTargetArn of the source queue's redrive policy).",
  example: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events-dlq",
  clean: cleanQueueUrl("Dead-Letter Queue URL"),
});

export const destinationQueueUrlInput = input({
  label: "Destination Queue URL",
  type: "string",
  required: true,
  dataSource: "selectQueue",
  comments:
    "Where the messages go back to: normally the queue the SES Events From SQS trigger reads.",
  example: "https://sqs.us-east-1.amazonaws.com/111122223333/ses-events",
  clean: cleanQueueUrl("Destination Queue URL"),
});

export const sqsEndpointInput = {
  ...endpointInput,
  label: "SQS Endpoint Override",
  comments:
    "Leave empty for the region's SQS endpoint. Set an http(s) URL for a VPC endpoint or a local emulator (fauxqs, LocalStack). Requests always go to this endpoint (or the region's), never to the host in a queue URL.",
};

export const queueTopicArnsInput = {
  ...allowedTopicArnsInput,
  comments:
    "The SNS topics whose messages this trigger accepts from the queue. An SNS envelope from any other topic, or with a bad signature, is never handed to the flow and never deleted: it stays in the queue and moves to the dead-letter queue after the queue's maxReceiveCount. Required unless every message is raw (Raw Message Delivery) or an EventBridge event (EventBridge Events).",
};

export const rawMessageDeliveryInput = input({
  label: "Raw Message Delivery",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Turn on when the queue's SNS subscription has RawMessageDelivery set: messages are then SES's JSON without the signed SNS envelope, and the queue's access policy (only your topic may send) is what proves where they come from. Signed envelopes are still verified.",
  clean: cleanBoolean("Raw Message Delivery"),
});

export const eventBridgeEventsInput = input({
  label: "EventBridge Events",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Turn on when an EventBridge rule sends SES events to this queue (SES configuration-set events published to an event bus, rule pattern source aws.ses): they are taken like SNS-delivered events and deduplicated by EventBridge's event ID. EventBridge signs nothing, so the queue's access policy (events.amazonaws.com, only for your rule's ARN) is what proves where they come from; see the SQS set-up guide. Off: such messages are refused.",
  clean: cleanBoolean("EventBridge Events"),
});

export const queueEventTypesInput = {
  ...eventTypesInput,
  comments: `Only these SES event types are handed to the flow; messages of other types are deleted from the queue (filter them out at the subscription with an SNS filter policy to avoid receiving them). Empty for all. Types: ${SES_EVENT_TYPES.join(", ")}.`,
};

const FOURTEEN_DAYS = 1_209_600;

export const queueMaxMessageAgeInput = input({
  label: "Max Message Age (seconds)",
  type: "string",
  required: false,
  default: String(FOURTEEN_DAYS),
  comments:
    "Refuse signed SNS messages sent longer ago than this. A queue keeps messages at most 14 days (1209600 s), so that is the default; lower it to the queue's retention period to narrow the window in which a captured message could be sent to the queue again.",
  clean: cleanInteger("Max Message Age (seconds)", 60, FOURTEEN_DAYS, FOURTEEN_DAYS),
});

export const DEFAULT_VISIBILITY_TIMEOUT = 1800;

export const visibilityTimeoutInput = input({
  label: "Visibility Timeout (seconds)",
  type: "string",
  required: false,
  default: String(DEFAULT_VISIBILITY_TIMEOUT),
  comments:
    "How long a received message stays hidden from other receivers: it must cover the whole run, until the last batch's Acknowledge SES Events step, including batches waiting for the flow's concurrent batch limit (each execution runs at most 15 minutes). A message not acknowledged by then comes back and is handed over again. 1 to 43200 (12 hours); below a few minutes only for tests.",
  clean: cleanInteger("Visibility Timeout (seconds)", 1, 43_200, DEFAULT_VISIBILITY_TIMEOUT),
});

export const maxMessagesPerRunInput = input({
  label: "Max Messages Per Run",
  type: "string",
  required: false,
  default: "100",
  comments:
    "At most this many messages are received in one run (10 per SQS request); the rest wait for the next scheduled run. 1 to 1000.",
  clean: cleanInteger("Max Messages Per Run", 1, 1000, 100),
});

export const waitTimeInput = input({
  label: "Wait Time (seconds)",
  type: "string",
  required: false,
  default: "2",
  comments:
    "Long polling: how long a receive waits for messages when the queue looks empty. Above 0 every SQS server is asked, so an empty answer really means empty. 0 to 20.",
  clean: cleanInteger("Wait Time (seconds)", 0, 20, 2),
});

export const queueEventsInput = input({
  label: "Events",
  type: "data",
  required: true,
  comments:
    "What the SES Events From SQS trigger handed this execution: map {{$trigger.results.body.data}} (one event, or the batch's list). Only a flow that handled them should acknowledge them.",
  example: "{{$trigger.results.body.data}}",
});

export const maxRedriveMessagesInput = input({
  label: "Max Messages",
  type: "string",
  required: false,
  default: "1000",
  comments: "Move at most this many messages in this step, 1 to 100000.",
  clean: cleanInteger("Max Messages", 1, 100_000, 1000),
});

export const redriveTimeBudgetInput = input({
  label: "Time Budget (seconds)",
  type: "string",
  required: false,
  default: "600",
  comments:
    "Stop taking new messages after this long, so the step ends well inside Prismatic's 15-minute execution limit; run it again for the rest. 5 to 840.",
  clean: cleanInteger("Time Budget (seconds)", 5, 840, 600),
});
