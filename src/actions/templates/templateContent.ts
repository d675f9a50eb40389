import type { EmailTemplateContent } from "@aws-sdk/client-sesv2";
import { assertNoControlCharacters } from "../../mail/addresses";

/** Template content for Create/Update, checked before the call. */
export function buildTemplateContent(params: {
  subject: string;
  textBody?: string;
  htmlBody?: string;
}): EmailTemplateContent {
  if (!params.subject) throw new Error("Subject is required.");
  assertNoControlCharacters("Subject", params.subject);
  if (!params.textBody && !params.htmlBody) {
    throw new Error("Give a Text Body, an HTML Body, or both.");
  }
  return { Subject: params.subject, Text: params.textBody, Html: params.htmlBody };
}

/** Our output shape of a template. */
export function describeTemplate(name: string, content: EmailTemplateContent | undefined) {
  return {
    templateName: name,
    subject: content?.Subject ?? "",
    textBody: content?.Text ?? null,
    htmlBody: content?.Html ?? null,
  };
}
