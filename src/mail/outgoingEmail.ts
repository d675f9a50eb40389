import type { Destination, SendEmailCommandInput, Template } from "@aws-sdk/client-sesv2";
import type { KeyValuePair } from "@prismatic-io/spectral";
import { checkSesName } from "../values/sesName";
import {
  assertNoControlCharacters,
  formatSender,
  MAX_RECIPIENTS,
  parseAddresses,
} from "./addresses";
import { toAttachments, toInlineImages } from "./attachments";
import { toMessageHeaders } from "./headers";
import { assertWithinSesSize, estimateEncodedSize } from "./messageSize";
import { toMessageTags } from "./messageTags";
import { parseTemplateData } from "./templateData";

/** Who a message is from and to, and how SES tracks it: shared by every send action. */
export interface Envelope {
  from: string;
  fromName?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  configurationSet?: string;
  tags: KeyValuePair<unknown>[];
  /** Sending authorization: another account's identity that allows you to send as it. */
  fromArn?: string;
  feedbackForwardingAddress?: string;
  feedbackForwardingArn?: string;
  /** List management: SES adds unsubscribe headers and honours the contact's preferences. */
  contactList?: string;
  topic?: string;
  /** The SES tenant the message is sent under. */
  tenant?: string;
}

/** Extra parts of a single (non-bulk) message. */
export interface MessageExtras {
  attachments: KeyValuePair<unknown>[];
  inlineImages: KeyValuePair<unknown>[];
  headers: KeyValuePair<unknown>[];
}

export interface OutgoingEmail extends Envelope, MessageExtras {
  subject: string;
  text?: string;
  html?: string;
}

/** A stored template by name, or inline template content (with {{placeholders}}). */
export type TemplateSource =
  | { templateName: string }
  | { subject: string; text?: string; html?: string };

export interface TemplatedEmail extends Envelope, MessageExtras {
  template: TemplateSource;
  templateData: unknown;
}

const IDENTITY_ARN = /^arn:aws(-cn|-us-gov)?:ses:[a-z0-9-]+:\d{12}:identity\/\S+$/;

/** To, Cc and Bcc, validated: at least one recipient, at most SES's 50 in all. */
export function buildDestination(
  to: string[],
  cc: string[],
  bcc: string[],
  where = "",
): Destination {
  const destination = {
    ToAddresses: parseAddresses(`${where}To`, to),
    CcAddresses: parseAddresses(`${where}Cc`, cc),
    BccAddresses: parseAddresses(`${where}Bcc`, bcc),
  };
  const count =
    destination.ToAddresses.length +
    destination.CcAddresses.length +
    destination.BccAddresses.length;
  if (count === 0) throw new Error(`${where}Give at least one recipient in To, Cc or Bcc.`);
  if (count > MAX_RECIPIENTS) {
    throw new Error(
      `${where}SES accepts at most ${MAX_RECIPIENTS} recipients (To + Cc + Bcc) per message; this one has ${count}. Split it into several messages or use Send Bulk Templated Email.`,
    );
  }
  return destination;
}

export function checkConfigurationSet(name: string | undefined): string | undefined {
  return name === undefined
    ? undefined
    : checkSesName("Configuration Set", name, "configuration set");
}

export function checkTemplateName(label: string, name: string): string {
  return checkSesName(label, name, "template");
}

const nonEmpty = <T>(items: T[]) => (items.length ? items : undefined);

export function checkIdentityArn(label: string, arn: string | undefined): string | undefined {
  if (arn !== undefined && !IDENTITY_ARN.test(arn)) {
    throw new Error(
      `${label} "${arn}" is not an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<identity>).`,
    );
  }
  return arn;
}

/** Sending-authorization fields, shared by single and bulk sends. */
export function buildSendingAuthorization(
  envelope: Pick<Envelope, "fromArn" | "feedbackForwardingAddress" | "feedbackForwardingArn">,
) {
  const feedback = envelope.feedbackForwardingAddress;
  if (envelope.feedbackForwardingArn && !feedback) {
    throw new Error("Feedback Forwarding Identity ARN needs a Feedback Forwarding Address.");
  }
  return {
    FromEmailAddressIdentityArn: checkIdentityArn("From Identity ARN", envelope.fromArn),
    FeedbackForwardingEmailAddress: feedback
      ? parseAddresses("Feedback Forwarding Address", [feedback])[0]
      : undefined,
    FeedbackForwardingEmailAddressIdentityArn: checkIdentityArn(
      "Feedback Forwarding Identity ARN",
      envelope.feedbackForwardingArn,
    ),
  };
}

/** ListManagementOptions: a topic needs its contact list. */
export function buildListManagement(envelope: Pick<Envelope, "contactList" | "topic">) {
  if (envelope.topic && !envelope.contactList)
    throw new Error("Unsubscribe Topic needs an Unsubscribe Contact List.");
  return envelope.contactList
    ? { ContactListName: envelope.contactList, TopicName: envelope.topic }
    : undefined;
}

/** Sender, recipients, reply-to, configuration set and tags of a SendEmail request. */
export function buildEnvelope(envelope: Envelope) {
  const replyTo = parseAddresses("Reply To", envelope.replyTo);
  return {
    FromEmailAddress: formatSender("From", envelope.from, envelope.fromName),
    Destination: buildDestination(envelope.to, envelope.cc, envelope.bcc),
    ReplyToAddresses: nonEmpty(replyTo),
    ConfigurationSetName: checkConfigurationSet(envelope.configurationSet),
    EmailTags: nonEmpty(toMessageTags("Message Tags", envelope.tags)),
    ...buildSendingAuthorization(envelope),
    ListManagementOptions: buildListManagement(envelope),
    TenantName: envelope.tenant,
  } satisfies Partial<SendEmailCommandInput>;
}

function buildExtras(extras: MessageExtras) {
  return {
    attachments: [
      ...toAttachments("Attachments", extras.attachments),
      ...toInlineImages("Inline Images", extras.inlineImages),
    ],
    headers: toMessageHeaders("Custom Headers", extras.headers),
  };
}

/** The SESv2 SendEmail request for a simple (non-template) message; throws on any bad input. */
export function buildSendEmailRequest(email: OutgoingEmail): SendEmailCommandInput {
  const envelope = buildEnvelope(email);
  if (!email.subject) throw new Error("Subject is required.");
  assertNoControlCharacters("Subject", email.subject);
  if (!email.text && !email.html) throw new Error("Give a Text Body, an HTML Body, or both.");
  const { attachments, headers } = buildExtras(email);
  assertWithinSesSize(
    estimateEncodedSize({
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments,
    }),
  );
  return {
    ...envelope,
    Content: {
      Simple: {
        Subject: { Data: email.subject, Charset: "UTF-8" },
        Body: {
          Text: email.text ? { Data: email.text, Charset: "UTF-8" } : undefined,
          Html: email.html ? { Data: email.html, Charset: "UTF-8" } : undefined,
        },
        Attachments: nonEmpty(attachments),
        Headers: nonEmpty(headers),
      },
    },
  };
}

/** Template name, or inline content, as SESv2 Template takes it; validated. */
export function buildTemplateReference(
  source: TemplateSource,
): Pick<Template, "TemplateName" | "TemplateContent"> {
  if ("templateName" in source) {
    return { TemplateName: checkTemplateName("Template", source.templateName) };
  }
  if (!source.subject) throw new Error("Template Subject is required for inline template content.");
  assertNoControlCharacters("Template Subject", source.subject);
  if (!source.text && !source.html) {
    throw new Error("Give a Template Text Body, a Template HTML Body, or both.");
  }
  return {
    TemplateContent: { Subject: source.subject, Text: source.text, Html: source.html },
  };
}

/** The SESv2 SendEmail request for a templated message; throws on any bad input. */
export function buildTemplatedEmailRequest(email: TemplatedEmail): SendEmailCommandInput {
  const envelope = buildEnvelope(email);
  const template = buildTemplateReference(email.template);
  const templateData = parseTemplateData("Template Data", email.templateData);
  const { attachments, headers } = buildExtras(email);
  const content = template.TemplateContent ?? {};
  assertWithinSesSize(
    estimateEncodedSize({
      subject: content.Subject ?? "",
      text: `${content.Text ?? ""}${templateData}`,
      html: content.Html,
      attachments,
    }),
  );
  return {
    ...envelope,
    Content: {
      Template: {
        ...template,
        TemplateData: templateData,
        Attachments: nonEmpty(attachments),
        Headers: nonEmpty(headers),
      },
    },
  };
}
