import { assertNoControlCharacters, parseAddress } from "../../mail/addresses";
import { checkTemplateName } from "../../mail/outgoingEmail";

export interface VerificationTemplateParams {
  templateName: string;
  from: string;
  subject: string;
  htmlContent: string;
  successUrl: string;
  failureUrl: string;
}

/** The Create/Update request, checked before the call. */
export function buildVerificationTemplate(params: VerificationTemplateParams) {
  assertNoControlCharacters("Subject", params.subject);
  if (!params.subject) throw new Error("Subject is required.");
  if (!params.htmlContent) throw new Error("HTML Content is required.");
  return {
    TemplateName: checkTemplateName("Template Name", params.templateName),
    FromEmailAddress: parseAddress("From", params.from),
    TemplateSubject: params.subject,
    TemplateContent: params.htmlContent,
    SuccessRedirectionURL: params.successUrl,
    FailureRedirectionURL: params.failureUrl,
  };
}

/** Our output shape of a verification template (its content only where SES returns it). */
export function describeVerificationTemplate(template: {
  TemplateName?: string;
  FromEmailAddress?: string;
  TemplateSubject?: string;
  TemplateContent?: string;
  SuccessRedirectionURL?: string;
  FailureRedirectionURL?: string;
}) {
  return {
    templateName: template.TemplateName ?? "",
    from: template.FromEmailAddress ?? "",
    subject: template.TemplateSubject ?? "",
    htmlContent: template.TemplateContent ?? null,
    successUrl: template.SuccessRedirectionURL ?? "",
    failureUrl: template.FailureRedirectionURL ?? "",
  };
}

export const EXAMPLE_VERIFICATION_TEMPLATE = {
  templateName: "welcome-verify",
  from: "welcome@example.com",
  subject: "Please confirm your email address",
  htmlContent: "<h1>Welcome to Acme</h1><p>Click the link below to confirm your address.</p>" as
    | string
    | null,
  successUrl: "https://example.com/verified",
  failureUrl: "https://example.com/verification-failed",
};
