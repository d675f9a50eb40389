import { input } from "@prismatic-io/spectral";
import { checkText } from "../values/text";
import {
  cleanKeyValueList,
  cleanOptional,
  cleanOptionalString,
  cleanString,
  cleanStringList,
} from "./clean";

const ADDRESS_FORMS =
  'Each entry is an address ("jane@example.com") or a name and address ("Jane Doe <jane@example.com>"); an entry may hold several, separated by commas.';

export const fromInput = input({
  label: "From",
  type: "string",
  required: true,
  comments:
    'The sender: an address or a domain verified as an SES identity in this region. May include a display name ("Acme Support <support@acme.com>").',
  example: "support@example.com",
  clean: cleanString,
});

export const fromNameInput = input({
  label: "From Display Name",
  type: "string",
  required: false,
  comments:
    "Optional name shown to recipients instead of the bare address; replaces a name given in From. Any language; non-ASCII is MIME-encoded for you.",
  example: "Acme Support",
  clean: cleanOptional((text) =>
    checkText("From Display Name", text, { maxLength: 256, lineBreaks: true }),
  ),
});

export const toInput = input({
  label: "To",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: `Recipients on the To line. ${ADDRESS_FORMS} To, Cc and Bcc together: 1 to 50 recipients.`,
  example: "jane@example.com",
  clean: cleanStringList,
});

export const ccInput = input({
  label: "Cc",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: `Recipients on the Cc line. ${ADDRESS_FORMS}`,
  clean: cleanStringList,
});

export const bccInput = input({
  label: "Bcc",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: `Hidden recipients. ${ADDRESS_FORMS}`,
  clean: cleanStringList,
});

export const replyToInput = input({
  label: "Reply To",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: `Where replies go, if not to the sender. ${ADDRESS_FORMS}`,
  clean: cleanStringList,
});

export const subjectInput = input({
  label: "Subject",
  type: "string",
  required: true,
  comments: "The subject line, in any language (sent as UTF-8). No line breaks.",
  example: "Your invoice for November",
  clean: (value: unknown) =>
    checkText("Subject", cleanString(value), { maxLength: 998, lineBreaks: true }),
});

export const textBodyInput = input({
  label: "Text Body",
  type: "text",
  required: false,
  comments:
    "Plain-text body, shown by clients that do not display HTML. Give this, HTML Body, or both.",
  clean: cleanOptional((text) =>
    checkText("Text Body", text, { maxLength: 50_000_000, lineBreaks: true }),
  ),
});

export const htmlBodyInput = input({
  label: "HTML Body",
  type: "code",
  language: "html",
  required: false,
  comments:
    'HTML body. Show an inline image with <img src="cid:logo.png"> where logo.png is its key in Inline Images.',
  example: "<p>Hello <b>Jane</b>,</p><p>Your invoice is attached.</p>",
  clean: cleanOptional((text) =>
    checkText("HTML Body", text, { maxLength: 50_000_000, lineBreaks: true }),
  ),
});

export const attachmentsInput = input({
  label: "Attachments",
  type: "data",
  collection: "keyvaluelist",
  required: false,
  comments:
    "Files to attach: key = file name as the recipient sees it (invoice.pdf), value = the file, usually a reference to an earlier step's output, or, from code, a data URL (data:application/pdf;base64,...). Other text is attached as a text file. The content type comes from the extension, else from the file.",
  clean: cleanKeyValueList,
});

export const inlineImagesInput = input({
  label: "Inline Images",
  type: "data",
  collection: "keyvaluelist",
  required: false,
  comments:
    'Images shown inside the HTML body: key = content ID (use the file name, e.g. logo.png), value = the image file. Reference each in the HTML as <img src="cid:logo.png">.',
  clean: cleanKeyValueList,
});

export const configurationSetInput = input({
  label: "Configuration Set",
  type: "string",
  required: false,
  dataSource: "selectConfigurationSet",
  comments:
    "Optional SES configuration set: applies its event publishing (bounces, opens, clicks...), IP pool and tracking settings.",
  example: "transactional",
  clean: cleanOptionalString,
});

export const messageTagsInput = input({
  label: "Message Tags",
  type: "string",
  collection: "keyvaluelist",
  required: false,
  comments:
    "Tags (name = value) SES attaches to this message's events, for filtering in event destinations. Letters, digits, _ and - only.",
  clean: cleanKeyValueList,
});

export const customHeadersInput = input({
  label: "Custom Headers",
  type: "string",
  collection: "keyvaluelist",
  required: false,
  comments:
    "Extra mail headers (name = value), e.g. X-Campaign = spring. Printable ASCII; From, To, Subject and other headers with their own input cannot be set here.",
  clean: cleanKeyValueList,
});

/** Sender and recipients, as Send Email and Send Templated Email offer them (in this order). */
export const envelopeInputs = {
  from: fromInput,
  fromName: fromNameInput,
  to: toInput,
  cc: ccInput,
  bcc: bccInput,
  replyTo: replyToInput,
};

/** Files, configuration set, tags and headers of a single message. */
export const messageOptionInputs = {
  attachments: attachmentsInput,
  inlineImages: inlineImagesInput,
  configurationSet: configurationSetInput,
  messageTags: messageTagsInput,
  customHeaders: customHeadersInput,
};
