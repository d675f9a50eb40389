import { randomUUID } from "node:crypto";

/**
 * An SES event as EventBridge delivers it: the envelope of EventBridge's event structure
 * (docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html: version "0", id,
 * detail-type, source, account, time, region, resources) around the SES event record SES
 * publishes (docs.aws.amazon.com/ses/latest/dg/monitoring-eventbridge.html: the same record as
 * for SNS; `resources` holds the configuration set's ARN). The detail-type names are SES's
 * (docs.aws.amazon.com/eventbridge/latest/ref/events-ref-ses.html).
 */
const DETAIL_TYPE: Record<string, string> = {
  Bounce: "Email Bounced",
  Complaint: "Email Complaint Received",
  Delivery: "Email Delivered",
  Send: "Email Sent",
  Reject: "Email Rejected",
  Open: "Email Opened",
  Click: "Email Clicked",
  "Rendering Failure": "Email Rendering Failed",
  DeliveryDelay: "Email Delivery Delayed",
  Subscription: "Email Subscribed",
};

export function eventBridgeEvent(
  detail: { eventType?: string } & Record<string, unknown>,
  overrides: Record<string, unknown> = {},
) {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": DETAIL_TYPE[detail.eventType ?? ""] ?? "Email Bounced",
    source: "aws.ses",
    account: "111122223333",
    time: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    region: "us-east-1",
    resources: ["arn:aws:ses:us-east-1:111122223333:configuration-set/ses-events"],
    detail,
    ...overrides,
  };
}
