/**
 * SES sends two JSON formats through SNS: identity notifications ("notificationType": Bounce,
 * Complaint, Delivery, Received) and configuration-set event publishing ("eventType": Send,
 * Reject, Delivery, Bounce, Complaint, DeliveryDelay, Open, Click, Rendering Failure,
 * Subscription). Both become one shape here.
 */

export const SES_EVENT_TYPES = [
  "Bounce",
  "Complaint",
  "Delivery",
  "Received",
  "Send",
  "Reject",
  "DeliveryDelay",
  "Open",
  "Click",
  "RenderingFailure",
  "Subscription",
] as const;
export type SesEventType = (typeof SES_EVENT_TYPES)[number];

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : []);

function normalizeMail(mail: Json) {
  const common = obj(mail.commonHeaders);
  const tags = obj(mail.tags);
  return {
    messageId: str(mail.messageId),
    timestamp: str(mail.timestamp),
    source: str(mail.source),
    sourceArn: str(mail.sourceArn),
    sendingAccountId: str(mail.sendingAccountId),
    destination: strings(mail.destination),
    subject: str(common.subject),
    from: strings(common.from),
    to: strings(common.to),
    headers: list(mail.headers).map((header) => ({
      name: str(header.name) ?? "",
      value: str(header.value) ?? "",
    })),
    tags: Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, strings(value)])),
    /** The SES tenant the mail was sent under: SES's own tag ses:tenant-name, when it sets one. */
    tenant: strings(tags["ses:tenant-name"])[0] ?? null,
  };
}

const verdict = (value: unknown) => str(obj(value).status);

function details(type: SesEventType, data: Json) {
  switch (type) {
    case "Bounce": {
      const bounce = obj(data.bounce);
      return {
        bounce: {
          type: str(bounce.bounceType),
          subType: str(bounce.bounceSubType),
          timestamp: str(bounce.timestamp),
          feedbackId: str(bounce.feedbackId),
          reportingMta: str(bounce.reportingMTA),
          remoteMtaIp: str(bounce.remoteMtaIp),
          recipients: list(bounce.bouncedRecipients).map((r) => ({
            emailAddress: str(r.emailAddress) ?? "",
            action: str(r.action),
            status: str(r.status),
            diagnosticCode: str(r.diagnosticCode),
          })),
        },
      };
    }
    case "Complaint": {
      const complaint = obj(data.complaint);
      return {
        complaint: {
          feedbackType: str(complaint.complaintFeedbackType),
          subType: str(complaint.complaintSubType),
          timestamp: str(complaint.timestamp),
          feedbackId: str(complaint.feedbackId),
          userAgent: str(complaint.userAgent),
          arrivalDate: str(complaint.arrivalDate),
          recipients: list(complaint.complainedRecipients).map((r) => str(r.emailAddress) ?? ""),
        },
      };
    }
    case "Delivery": {
      const delivery = obj(data.delivery);
      return {
        delivery: {
          timestamp: str(delivery.timestamp),
          processingTimeMillis: num(delivery.processingTimeMillis),
          recipients: strings(delivery.recipients),
          smtpResponse: str(delivery.smtpResponse),
          reportingMta: str(delivery.reportingMTA),
          remoteMtaIp: str(delivery.remoteMtaIp),
        },
      };
    }
    case "Received": {
      const receipt = obj(data.receipt);
      const action = obj(receipt.action);
      return {
        receipt: {
          timestamp: str(receipt.timestamp),
          processingTimeMillis: num(receipt.processingTimeMillis),
          recipients: strings(receipt.recipients),
          verdicts: {
            spam: verdict(receipt.spamVerdict),
            virus: verdict(receipt.virusVerdict),
            spf: verdict(receipt.spfVerdict),
            dkim: verdict(receipt.dkimVerdict),
            dmarc: verdict(receipt.dmarcVerdict),
          },
          dmarcPolicy: str(receipt.dmarcPolicy),
          action: {
            type: str(action.type),
            bucket: str(action.bucketName),
            key: str(action.objectKey),
            topicArn: str(action.topicArn),
            encoding: str(action.encoding),
          },
        },
        content: str(data.content),
      };
    }
    case "DeliveryDelay": {
      const delay = obj(data.deliveryDelay);
      return {
        deliveryDelay: {
          timestamp: str(delay.timestamp),
          delayType: str(delay.delayType),
          expirationTime: str(delay.expirationTime),
          reportingMta: str(delay.reportingMTA),
          recipients: list(delay.delayedRecipients).map((r) => ({
            emailAddress: str(r.emailAddress) ?? "",
            status: str(r.status),
            diagnosticCode: str(r.diagnosticCode),
          })),
        },
      };
    }
    case "Open": {
      const open = obj(data.open);
      return {
        open: {
          timestamp: str(open.timestamp),
          ipAddress: str(open.ipAddress),
          userAgent: str(open.userAgent),
        },
      };
    }
    case "Click": {
      const click = obj(data.click);
      return {
        click: {
          timestamp: str(click.timestamp),
          link: str(click.link),
          ipAddress: str(click.ipAddress),
          userAgent: str(click.userAgent),
          linkTags: Object.fromEntries(
            Object.entries(obj(click.linkTags)).map(([k, v]) => [k, strings(v)]),
          ),
        },
      };
    }
    case "Reject":
      return { reject: { reason: str(obj(data.reject).reason) } };
    case "RenderingFailure": {
      const failure = obj(data.failure);
      return {
        renderingFailure: {
          templateName: str(failure.templateName),
          errorMessage: str(failure.errorMessage),
        },
      };
    }
    case "Subscription": {
      const subscription = obj(data.subscription);
      return {
        subscription: {
          contactList: str(subscription.contactList),
          timestamp: str(subscription.timestamp),
          source: str(subscription.source),
          newTopicPreferences: obj(subscription.newTopicPreferences),
          oldTopicPreferences: obj(subscription.oldTopicPreferences),
        },
      };
    }
    default:
      return {};
  }
}

export type SesEvent = {
  type: SesEventType;
  format: "notification" | "eventPublishing";
  mail: ReturnType<typeof normalizeMail>;
} & ReturnType<typeof details>;

/**
 * The SES event in an SNS notification's Message, or undefined when the Message is not an SES
 * event (another publisher on the topic, or SES's AmazonSnsSubscriptionSucceeded test message).
 */
export function normalizeSesMessage(messageText: string): SesEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(messageText);
  } catch {
    return undefined;
  }
  return normalizeSesEvent(parsed);
}

/** The SES event in parsed JSON (an EventBridge event's `detail`, say), or undefined. */
export function normalizeSesEvent(parsed: unknown): SesEvent | undefined {
  const data = obj(parsed);
  const format =
    typeof data.notificationType === "string"
      ? "notification"
      : typeof data.eventType === "string"
        ? "eventPublishing"
        : undefined;
  if (!format) return undefined;
  const name = String(format === "notification" ? data.notificationType : data.eventType).replace(
    /\s+/g,
    "",
  );
  if (!(SES_EVENT_TYPES as readonly string[]).includes(name)) return undefined;
  const type = name as SesEventType;
  return { type, format, mail: normalizeMail(obj(data.mail)), ...details(type, data) };
}
