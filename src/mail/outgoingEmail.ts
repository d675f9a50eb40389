import type { Destination, SendEmailCommandInput } from "@aws-sdk/client-sesv2";
import type { KeyValuePair } from "@prismatic-io/spectral";
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

/** The fields of Send Email, as cleaned inputs. Labels in errors are the inputs' labels. */
export interface OutgoingEmail {
  from: string;
  fromName?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  text?: string;
  html?: string;
  attachments: KeyValuePair<unknown>[];
  inlineImages: KeyValuePair<unknown>[];
  configurationSet?: string;
  tags: KeyValuePair<unknown>[];
  headers: KeyValuePair<unknown>[];
}

const CONFIGURATION_SET_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** To, Cc and Bcc, validated: at least one recipient, at most SES's 50 in all. */
export function buildDestination(to: string[], cc: string[], bcc: string[]): Destination {
  const destination = {
    ToAddresses: parseAddresses("To", to),
    CcAddresses: parseAddresses("Cc", cc),
    BccAddresses: parseAddresses("Bcc", bcc),
  };
  const count =
    destination.ToAddresses.length +
    destination.CcAddresses.length +
    destination.BccAddresses.length;
  if (count === 0) throw new Error("Give at least one recipient in To, Cc or Bcc.");
  if (count > MAX_RECIPIENTS) {
    throw new Error(
      `SES accepts at most ${MAX_RECIPIENTS} recipients (To + Cc + Bcc) per message; this one has ${count}. Split it into several messages or use Send Bulk Templated Email.`,
    );
  }
  return destination;
}

export function checkConfigurationSet(name: string | undefined): string | undefined {
  if (name !== undefined && !CONFIGURATION_SET_NAME.test(name)) {
    throw new Error(
      `Configuration Set "${name}" is not a configuration set name (letters, digits, "_" and "-", at most 64 characters).`,
    );
  }
  return name;
}

/** The SESv2 SendEmail request for a simple (non-template) message; throws on any bad input. */
export function buildSendEmailRequest(email: OutgoingEmail): SendEmailCommandInput {
  const fromEmailAddress = formatSender("From", email.from, email.fromName);
  const destination = buildDestination(email.to, email.cc, email.bcc);
  const replyTo = parseAddresses("Reply To", email.replyTo);

  if (!email.subject) throw new Error("Subject is required.");
  assertNoControlCharacters("Subject", email.subject);
  if (!email.text && !email.html) throw new Error("Give a Text Body, an HTML Body, or both.");

  const attachments = [
    ...toAttachments("Attachments", email.attachments),
    ...toInlineImages("Inline Images", email.inlineImages),
  ];
  const headers = toMessageHeaders("Custom Headers", email.headers);
  const tags = toMessageTags("Message Tags", email.tags);
  assertWithinSesSize(
    estimateEncodedSize({
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments,
    }),
  );

  return {
    FromEmailAddress: fromEmailAddress,
    Destination: destination,
    ReplyToAddresses: replyTo.length ? replyTo : undefined,
    Content: {
      Simple: {
        Subject: { Data: email.subject, Charset: "UTF-8" },
        Body: {
          Text: email.text ? { Data: email.text, Charset: "UTF-8" } : undefined,
          Html: email.html ? { Data: email.html, Charset: "UTF-8" } : undefined,
        },
        Attachments: attachments.length ? attachments : undefined,
        Headers: headers.length ? headers : undefined,
      },
    },
    ConfigurationSetName: checkConfigurationSet(email.configurationSet),
    EmailTags: tags.length ? tags : undefined,
  };
}
