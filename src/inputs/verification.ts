import { input } from "@prismatic-io/spectral";
import { checkSesName } from "../values/sesName";
import { checkText } from "../values/text";
import { cleanString } from "./clean";

function cleanHttpsUrl(label: string) {
  return (value: unknown): string => {
    const text = cleanString(value);
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
      throw new Error(`${label} must be an http(s) URL, not "${text}".`);
    }
    return text;
  };
}

export const verificationTemplateNameInput = input({
  label: "Verification Template",
  type: "string",
  required: true,
  dataSource: "selectCustomVerificationTemplate",
  comments:
    'Name of a custom verification email template in this region: 1 to 64 letters, digits, "_" or "-".',
  example: "welcome-verify",
  clean: (value: unknown) =>
    checkSesName("Verification Template", cleanString(value), "custom verification template"),
});

export const newVerificationTemplateNameInput = {
  ...verificationTemplateNameInput,
  dataSource: undefined,
  label: "Template Name",
  clean: (value: unknown) =>
    checkSesName("Template Name", cleanString(value), "custom verification template"),
};

export const verificationFromInput = input({
  label: "From",
  type: "string",
  required: true,
  comments: "The verified address the verification email is sent from.",
  example: "welcome@example.com",
  clean: cleanString,
});

export const verificationSubjectInput = input({
  label: "Subject",
  type: "string",
  required: true,
  comments: "Subject of the verification email.",
  example: "Please confirm your email address",
  clean: (value: unknown) =>
    checkText("Subject", cleanString(value), { maxLength: 998, lineBreaks: false }),
});

export const verificationContentInput = input({
  label: "HTML Content",
  type: "code",
  language: "html",
  required: true,
  comments:
    "The email's HTML (at most 10 MB). SES inserts the verification link; SES supports a subset of HTML for these templates (no scripts, forms or iframes).",
  example: "<h1>Welcome to Acme</h1><p>Click the link below to confirm your address.</p>",
  clean: (value: unknown) =>
    checkText("HTML Content", cleanString(value), { maxLength: 50_000_000, lineBreaks: true }),
});

export const successUrlInput = input({
  label: "Success Redirect URL",
  type: "string",
  required: true,
  comments: "Where the recipient lands after verifying successfully.",
  example: "https://example.com/verified",
  clean: cleanHttpsUrl("Success Redirect URL"),
});

export const failureUrlInput = input({
  label: "Failure Redirect URL",
  type: "string",
  required: true,
  comments: "Where the recipient lands if verification fails.",
  example: "https://example.com/verification-failed",
  clean: cleanHttpsUrl("Failure Redirect URL"),
});
