/** Why an incoming SNS request was refused; the message says what was wrong, never more. */
export class SnsRejection extends Error {
  constructor(
    readonly reason:
      | "not-json"
      | "missing-field"
      | "unknown-type"
      | "unknown-signature-version"
      | "untrusted-certificate-url"
      | "certificate-unavailable"
      | "bad-signature"
      | "no-topics-configured"
      | "topic-not-allowed"
      | "too-old"
      | "from-the-future"
      | "untrusted-subscribe-url",
    readonly detail: string,
  ) {
    super(`Rejected Amazon SNS request: ${detail}`);
    this.name = "SnsRejection";
  }
}

export type SnsMessageType =
  | "Notification"
  | "SubscriptionConfirmation"
  | "UnsubscribeConfirmation";

/** An SNS HTTP(S) message, as SNS posts it. */
export interface SnsMessage {
  Type: SnsMessageType;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  Token?: string;
  SubscribeURL?: string;
  UnsubscribeURL?: string;
}

// Subscription and unsubscribe confirmations carry and sign the same fields.
const CONFIRMATION_SIGNED: (keyof SnsMessage)[] = [
  "Message",
  "MessageId",
  "SubscribeURL",
  "Timestamp",
  "Token",
  "TopicArn",
  "Type",
];
const ENVELOPE: (keyof SnsMessage)[] = [
  "MessageId",
  "TopicArn",
  "Message",
  "Timestamp",
  "SignatureVersion",
  "Signature",
  "SigningCertURL",
];

/** What a flow is told about the SNS message an event came in (webhook and queue alike). */
export interface SnsEnvelope {
  messageId: string;
  topicArn: string;
  timestamp: string;
  subject: string | null;
  type: string;
}

export const snsEnvelopeOf = (message: SnsMessage): SnsEnvelope => ({
  messageId: message.MessageId,
  topicArn: message.TopicArn,
  timestamp: message.Timestamp,
  subject: message.Subject ?? null,
  type: message.Type,
});

/** The fields SNS signs, in the order it signs them, per message type. */
export const SIGNED_FIELDS: Record<SnsMessageType, (keyof SnsMessage)[]> = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: CONFIRMATION_SIGNED,
  UnsubscribeConfirmation: CONFIRMATION_SIGNED,
};

const REQUIRED: Record<SnsMessageType, (keyof SnsMessage)[]> = {
  Notification: ENVELOPE,
  SubscriptionConfirmation: [...ENVELOPE, "Token", "SubscribeURL"],
  UnsubscribeConfirmation: [...ENVELOPE, "Token", "SubscribeURL"],
};

/** Parses the raw request body into an SNS message with every field its type needs, as strings. */
export function parseSnsMessage(rawBody: string): SnsMessage {
  let data: unknown;
  try {
    data = JSON.parse(rawBody);
  } catch {
    throw new SnsRejection("not-json", "the body is not JSON.");
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new SnsRejection("not-json", "the body is not a JSON object.");
  }
  const message = data as Record<string, unknown>;
  const type = message.Type;
  if (
    type !== "Notification" &&
    type !== "SubscriptionConfirmation" &&
    type !== "UnsubscribeConfirmation"
  ) {
    throw new SnsRejection(
      "unknown-type",
      `Type ${JSON.stringify(type ?? null)} is not an SNS message type.`,
    );
  }
  for (const field of REQUIRED[type]) {
    if (typeof message[field] !== "string" || message[field] === "") {
      throw new SnsRejection("missing-field", `the ${type} has no ${field}.`);
    }
  }
  if (message.Subject !== undefined && typeof message.Subject !== "string") {
    throw new SnsRejection("missing-field", "Subject is not a string.");
  }
  return message as unknown as SnsMessage;
}

/** The text SNS signed: "name\nvalue\n" for each signed field present, in order. */
export function stringToSign(message: SnsMessage): string {
  let text = "";
  for (const field of SIGNED_FIELDS[message.Type]) {
    const value = message[field];
    if (value !== undefined) text += `${field}\n${value}\n`;
  }
  return text;
}

/** The region of a topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME). */
export function topicRegion(topicArn: string): string | undefined {
  return /^arn:aws(?:-cn|-us-gov)?:sns:([a-z0-9-]+):\d{12}:[\w-]{1,256}(?:\.fifo)?$/.exec(
    topicArn,
  )?.[1];
}
