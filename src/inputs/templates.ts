import { input } from "@prismatic-io/spectral";
import { checkText } from "../values/text";
import { cleanOptional, cleanOptionalString, cleanString } from "./clean";

export const templateNameInput = input({
  label: "Template",
  type: "string",
  required: true,
  dataSource: "selectTemplate",
  comments: "Name of an SES email template in this region (letters, digits, _ and -).",
  example: "order-confirmation",
  clean: cleanString,
});

export const newTemplateNameInput = input({
  label: "Template Name",
  type: "string",
  required: true,
  comments: "Name for the template: letters, digits, _ and -, at most 64 characters.",
  example: "order-confirmation",
  clean: cleanString,
});

export const templateSubjectInput = input({
  label: "Subject",
  type: "string",
  required: true,
  comments: "Subject line; may use {{placeholders}} filled from template data.",
  example: "Your order {{orderId}} has shipped",
  clean: (value: unknown) =>
    checkText("Subject", cleanString(value), { maxLength: 998, lineBreaks: true }),
});

export const templateTextInput = input({
  label: "Text Body",
  type: "text",
  required: false,
  comments: "Plain-text part; may use {{placeholders}}. Give this, the HTML body, or both.",
  example: "Hi {{name}}, your order {{orderId}} is on its way.",
  clean: cleanOptional((text) =>
    checkText("Text Body", text, { maxLength: 50_000_000, lineBreaks: true }),
  ),
});

export const templateHtmlInput = input({
  label: "HTML Body",
  type: "code",
  language: "html",
  required: false,
  comments:
    "HTML part; may use {{placeholders}}, {{#if}} and {{#each}} (Handlebars, as SES renders templates).",
  example: "<h1>Hi {{name}}</h1><p>Order {{orderId}} is on its way.</p>",
  clean: cleanOptional((text) =>
    checkText("HTML Body", text, { maxLength: 50_000_000, lineBreaks: true }),
  ),
});

export const templateDataInput = input({
  label: "Template Data",
  type: "code",
  language: "json",
  required: false,
  default: "{}",
  comments:
    'A JSON object with a value for each placeholder, e.g. {"name": "Jane", "orderId": "A-1001"}. An object from an earlier step works too.',
});

export const optionalTemplateNameInput = input({
  label: "Template",
  type: "string",
  required: false,
  dataSource: "selectTemplate",
  comments:
    "A stored SES template. Leave empty to give the template inline with the Inline Template inputs instead.",
  example: "order-shipped",
  clean: cleanOptionalString,
});

export const inlineSubjectInput = input({
  label: "Inline Template Subject",
  type: "string",
  required: false,
  comments: "Only without a stored Template: the subject, with {{placeholders}}.",
  clean: cleanOptionalString,
});

export const inlineTextInput = input({
  label: "Inline Template Text Body",
  type: "text",
  required: false,
  comments: "Only without a stored Template: the plain-text part, with {{placeholders}}.",
  clean: cleanOptionalString,
});

export const inlineHtmlInput = input({
  label: "Inline Template HTML Body",
  type: "code",
  language: "html",
  required: false,
  comments:
    "Only without a stored Template: the HTML part, with {{placeholders}}. Inline content supports simple substitution only.",
  clean: cleanOptionalString,
});
