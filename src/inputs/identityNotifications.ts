import { input } from "@prismatic-io/spectral";
import { cleanBoolean, cleanChoice, cleanOptional, cleanStringList } from "./clean";
import { parseIdentity } from "./emailIdentity";
import { checkTopicArn } from "./topicArn";

/** The identity notification settings of SES v1 (per identity, not per configuration set). */
export const NOTIFICATION_TYPES = ["Bounce", "Complaint", "Delivery"] as const;
export type IdentityNotificationType = (typeof NOTIFICATION_TYPES)[number];

export const notificationIdentitiesInput = input({
  label: "Identities",
  type: "string",
  collection: "valuelist",
  required: true,
  comments: "Up to 100 email addresses or domains (SES's limit per request).",
  example: "example.com",
  clean: (value: unknown) => {
    const identities = cleanStringList(value).map((item) => parseIdentity("Identities", item));
    if (identities.length === 0) throw new Error("Identities: give at least one identity.");
    if (identities.length > 100) {
      throw new Error(`Identities: SES takes at most 100 per request, not ${identities.length}.`);
    }
    return identities;
  },
});

export const notificationTypeInput = input({
  label: "Notification Type",
  type: "string",
  required: true,
  model: NOTIFICATION_TYPES.map((type) => ({ label: type, value: type })),
  comments: "Which notifications of the identity: bounces, complaints or deliveries.",
  clean: cleanChoice("Notification Type", NOTIFICATION_TYPES),
});

export const notificationTopicInput = input({
  label: "SNS Topic ARN",
  type: "string",
  required: false,
  comments:
    "The SNS topic SES publishes these notifications to (in the identity's region). Leave empty to stop publishing them; for bounces and complaints SES then needs Feedback Forwarding on.",
  example: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
  clean: cleanOptional((text) => checkTopicArn("SNS Topic ARN", text)),
});

export const includeHeadersInput = input({
  label: "Include Original Headers",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Include the original mail's headers in the notifications (mail.headers).",
  clean: cleanBoolean("Include Original Headers", true),
});
