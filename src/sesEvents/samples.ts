/**
 * Realistic SES messages, in the shapes the SES Developer Guide documents for SNS notifications
 * and event publishing. Used as trigger example payloads and as test fixtures.
 */
const mail = (messageId: string, extra: Record<string, unknown> = {}) => ({
  timestamp: "2026-11-23T17:41:02.715Z",
  source: "billing@example.com",
  sourceArn: "arn:aws:ses:us-east-1:111122223333:identity/example.com",
  sourceIp: "192.0.2.24",
  callerIdentity: "prismatic-integration",
  sendingAccountId: "111122223333",
  messageId,
  destination: ["jane@example.org"],
  headersTruncated: false,
  headers: [
    { name: "From", value: "Acme Billing <billing@example.com>" },
    { name: "To", value: "jane@example.org" },
    { name: "Subject", value: "Your November invoice" },
  ],
  commonHeaders: {
    from: ["Acme Billing <billing@example.com>"],
    to: ["jane@example.org"],
    messageId,
    subject: "Your November invoice",
  },
  ...extra,
});

/** Identity notification: a permanent bounce. */
export const bouncePermanent = {
  notificationType: "Bounce",
  bounce: {
    bounceType: "Permanent",
    bounceSubType: "General",
    bouncedRecipients: [
      {
        emailAddress: "jane@example.org",
        action: "failed",
        status: "5.1.1",
        diagnosticCode: "smtp; 550 5.1.1 user unknown",
      },
    ],
    timestamp: "2026-11-23T17:41:04.325Z",
    feedbackId: "0100019a7f3c2d1e-6d0b4b1e-fb3c-4b9d-a111-8b6f1e2a3c4d-000000",
    remoteMtaIp: "198.51.100.7",
    reportingMTA: "dsn; a8-70.smtp-out.amazonses.com",
  },
  mail: mail("0100019a7f3c2d1e-5b7e2f0a-8c41-4d7b-9a3e-2f6c1d8e4b90-000000"),
};

/** Event publishing: a transient (mailbox full) bounce. */
export const bounceTransientEvent = {
  eventType: "Bounce",
  bounce: {
    bounceType: "Transient",
    bounceSubType: "MailboxFull",
    bouncedRecipients: [
      {
        emailAddress: "bob@example.net",
        action: "failed",
        status: "4.2.2",
        diagnosticCode: "smtp; 452 4.2.2 mailbox full",
      },
    ],
    timestamp: "2026-11-23T17:45:10.102Z",
    feedbackId: "0100019a7f3c2d1e-7e1c5c2f-0a4d-4c0e-b222-9c7f2f3b4d5e-000000",
    reportingMTA: "dsn; e226-55.smtp-out.us-east-1.amazonses.com",
  },
  mail: mail("0100019a7f3c2d1e-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f-000000", {
    destination: ["bob@example.net"],
    tags: {
      "ses:configuration-set": ["transactional"],
      "ses:tenant-name": ["acme-corp"],
      campaign: ["invoice-2026-11"],
    },
  }),
};

/** Identity notification: an abuse complaint from a feedback loop. */
export const complaint = {
  notificationType: "Complaint",
  complaint: {
    userAgent: "ExampleCorp Feedback Loop (V0.01)",
    complainedRecipients: [{ emailAddress: "jane@example.org" }],
    complaintFeedbackType: "abuse",
    arrivalDate: "2026-11-23T17:40:59.000Z",
    timestamp: "2026-11-23T17:41:30.000Z",
    feedbackId: "0100019a7f3c2d1e-8f2d6d3a-1b5e-4d1f-c333-ad8a3a4c5e6f-000000",
  },
  mail: mail("0100019a7f3c2d1e-5b7e2f0a-8c41-4d7b-9a3e-2f6c1d8e4b90-000000"),
};

/** Identity notification: delivered. */
export const delivery = {
  notificationType: "Delivery",
  delivery: {
    timestamp: "2026-11-23T17:41:03.976Z",
    processingTimeMillis: 1261,
    recipients: ["jane@example.org"],
    smtpResponse: "250 2.6.0 Message received",
    remoteMtaIp: "198.51.100.7",
    reportingMTA: "a8-70.smtp-out.amazonses.com",
  },
  mail: mail("0100019a7f3c2d1e-5b7e2f0a-8c41-4d7b-9a3e-2f6c1d8e4b90-000000"),
};

const receivedMail = {
  timestamp: "2026-11-23T17:58:41.000Z",
  source: "buyer@example.org",
  messageId: "43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
  destination: ["orders@inbound.example.com"],
  headersTruncated: false,
  headers: [
    { name: "Return-Path", value: "<buyer@example.org>" },
    { name: "From", value: "Renee Koenig <buyer@example.org>" },
    { name: "To", value: "orders@inbound.example.com" },
    { name: "Subject", value: "Purchase order 4711" },
  ],
  commonHeaders: {
    returnPath: "buyer@example.org",
    from: ["Renee Koenig <buyer@example.org>"],
    date: "Mon, 23 Nov 2026 17:58:41 +0000",
    to: ["orders@inbound.example.com"],
    messageId: "<po-4711@example.org>",
    subject: "Purchase order 4711",
  },
};

const receipt = (action: Record<string, unknown>) => ({
  timestamp: "2026-11-23T17:58:43.105Z",
  processingTimeMillis: 702,
  recipients: ["orders@inbound.example.com"],
  spamVerdict: { status: "PASS" },
  virusVerdict: { status: "PASS" },
  spfVerdict: { status: "PASS" },
  dkimVerdict: { status: "PASS" },
  dmarcVerdict: { status: "PASS" },
  action,
});

/** Receipt rule with an S3 action (and its SNS topic). */
export const receivedS3 = {
  notificationType: "Received",
  mail: receivedMail,
  receipt: receipt({
    type: "S3",
    topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
    bucketName: "inbound-mail",
    objectKeyPrefix: "inbound",
    objectKey: "inbound/43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
  }),
};

const inlineMessage =
  "From: Renee Koenig <buyer@example.org>\r\nTo: orders@inbound.example.com\r\nSubject: Purchase order 4711\r\nMessage-ID: <po-4711@example.org>\r\nDate: Mon, 23 Nov 2026 17:58:41 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease confirm order 4711.\r\n";

/** Receipt rule with an SNS action: the message itself, Base64, in "content" (up to 150 KB). */
export const receivedSns = {
  notificationType: "Received",
  mail: receivedMail,
  receipt: receipt({
    type: "SNS",
    topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
    encoding: "BASE64",
  }),
  content: Buffer.from(inlineMessage, "utf8").toString("base64"),
};

/** Event publishing: a click. */
export const clickEvent = {
  eventType: "Click",
  mail: mail("0100019a7f3c2d1e-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f-000000", {
    tags: { "ses:configuration-set": ["transactional"] },
  }),
  click: {
    timestamp: "2026-11-23T18:02:11.009Z",
    ipAddress: "203.0.113.5",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)",
    link: "https://example.com/invoices/42",
    linkTags: { samplekey0: ["samplevalue0"] },
  },
};

/** Event publishing: a delivery delay. */
export const deliveryDelayEvent = {
  eventType: "DeliveryDelay",
  mail: mail("0100019a7f3c2d1e-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f-000000"),
  deliveryDelay: {
    timestamp: "2026-11-23T18:20:11.000Z",
    delayType: "TransientCommunicationFailure",
    expirationTime: "2026-11-24T17:41:02.000Z",
    delayedRecipients: [
      {
        emailAddress: "jane@example.org",
        status: "4.4.1",
        diagnosticCode: "smtp; 421 4.4.1 timed out",
      },
    ],
  },
};

const EVENT_MAIL = "0100019a7f3c2d1e-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f-000000";
const publishedMail = () =>
  mail(EVENT_MAIL, { tags: { "ses:configuration-set": ["transactional"] } });

/** Event publishing: SES accepted the send request. */
export const sendEvent = { eventType: "Send", mail: publishedMail(), send: {} };

/** Event publishing: SES rejected the message (it contained a virus). */
export const rejectEvent = {
  eventType: "Reject",
  mail: publishedMail(),
  reject: { reason: "Bad content" },
};

/** Event publishing: the recipient opened the message (open tracking). */
export const openEvent = {
  eventType: "Open",
  mail: publishedMail(),
  open: {
    timestamp: "2026-11-23T18:01:40.112Z",
    ipAddress: "198.51.100.7",
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15",
  },
};

/** Event publishing: a templated send whose template could not be rendered. */
export const renderingFailureEvent = {
  eventType: "Rendering Failure",
  mail: publishedMail(),
  failure: {
    templateName: "monthly-invoice",
    errorMessage: "Attribute 'invoiceNumber' is not present in the rendering data.",
  },
};

/** Event publishing: a recipient changed their list subscription (list management). */
export const subscriptionEvent = {
  eventType: "Subscription",
  mail: publishedMail(),
  subscription: {
    contactList: "newsletter",
    timestamp: "2026-11-23T18:05:00.000Z",
    source: "UnsubscribeHeader",
    newTopicPreferences: {
      unsubscribeAll: true,
      topicSubscriptionStatus: [{ topicName: "monthly", subscriptionStatus: "OptOut" }],
    },
    oldTopicPreferences: {
      unsubscribeAll: false,
      topicSubscriptionStatus: [{ topicName: "monthly", subscriptionStatus: "OptIn" }],
    },
  },
};

/** One published or notified sample per SES event type, in SES_EVENT_TYPES order. */
export const SAMPLE_PER_EVENT_TYPE = {
  Bounce: bouncePermanent,
  Complaint: complaint,
  Delivery: delivery,
  Received: receivedS3,
  Send: sendEvent,
  Reject: rejectEvent,
  DeliveryDelay: deliveryDelayEvent,
  Open: openEvent,
  Click: clickEvent,
  RenderingFailure: renderingFailureEvent,
  Subscription: subscriptionEvent,
} as const;
