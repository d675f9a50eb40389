import { domainToASCII } from "node:url";
import { input } from "@prismatic-io/spectral";
import isFQDN from "validator/lib/isFQDN";
import { parseBareAddress } from "../mail/addresses";
import { checkSesName } from "../values/sesName";
import { cleanBoolean, cleanChoice, cleanString } from "./clean";

/** An SES identity: a bare email address, or a domain (in punycode, as SES stores it). */
export function parseIdentity(label: string, value: unknown): string {
  const text = cleanString(value);
  if (text === "") throw new Error(`${label} is required.`);
  if (text.includes("@")) return parseBareAddress(label, text);
  const domain = domainToASCII(text.toLowerCase());
  if (!domain || !isFQDN(domain, { require_tld: true })) {
    throw new Error(`${label} "${text}" is neither an email address nor a domain name.`);
  }
  return domain;
}

export const identityInput = input({
  label: "Identity",
  type: "string",
  required: true,
  dataSource: "selectIdentity",
  comments: "An email address (jane@example.com) or a domain (example.com).",
  example: "example.com",
  clean: (value: unknown) => parseIdentity("Identity", value),
});

export const newIdentityInput = input({
  label: "Identity",
  type: "string",
  required: true,
  comments:
    "The email address or domain to verify. An address gets a verification email; a domain gets DKIM records to publish in its DNS.",
  example: "example.com",
  clean: (value: unknown) => parseIdentity("Identity", value),
});

/** The domain of an identity: the identity itself, or an address's domain. */
export function identityDomain(identity: string): string {
  return identity.includes("@") ? identity.slice(identity.lastIndexOf("@") + 1) : identity;
}

export const domainIdentityInput = input({
  label: "Domain",
  type: "string",
  required: true,
  dataSource: "selectIdentity",
  comments: "A domain identity (example.com). DKIM keys belong to domains, not to addresses.",
  example: "example.com",
  clean: (value: unknown) => {
    const identity = parseIdentity("Domain", value);
    if (identity.includes("@")) {
      throw new Error(`Domain: "${identity}" is an email address; give its domain.`);
    }
    return identity;
  },
});

export const mailFromDomainInput = input({
  label: "MAIL FROM Domain",
  type: "string",
  required: false,
  comments:
    "A subdomain of the identity's domain that SES uses as the envelope sender (bounce address), such as mail.example.com, so SPF aligns for DMARC. It must not be used to send or receive other mail. Leave empty to go back to SES's own amazonses.com MAIL FROM.",
  example: "mail.example.com",
  clean: (value: unknown) => {
    const text = cleanString(value);
    if (text === "") return undefined;
    const domain = domainToASCII(text.toLowerCase());
    if (!domain || !isFQDN(domain, { require_tld: true })) {
      throw new Error(`MAIL FROM Domain "${text.slice(0, 100)}" is not a domain name.`);
    }
    return domain;
  },
});

export const BEHAVIORS_ON_MX_FAILURE = ["USE_DEFAULT_VALUE", "REJECT_MESSAGE"] as const;

export const behaviorOnMxFailureInput = input({
  label: "Behavior On MX Failure",
  type: "string",
  required: false,
  default: "USE_DEFAULT_VALUE",
  model: [
    { label: "Fall back to amazonses.com (USE_DEFAULT_VALUE)", value: "USE_DEFAULT_VALUE" },
    { label: "Reject the message (REJECT_MESSAGE)", value: "REJECT_MESSAGE" },
  ],
  comments:
    "What SES does when it cannot find the MAIL FROM domain's MX record: send with its own MAIL FROM, or refuse the message (MessageRejected).",
  clean: cleanChoice("Behavior On MX Failure", BEHAVIORS_ON_MX_FAILURE, "USE_DEFAULT_VALUE"),
});

export const dkimSigningEnabledInput = input({
  label: "DKIM Signing",
  type: "boolean",
  required: false,
  default: "true",
  comments:
    "Sign outgoing mail from this identity with DKIM. Turn off only while fixing DNS: unsigned mail fails DMARC for most domains.",
  clean: cleanBoolean("DKIM Signing", true),
});

export const DKIM_ORIGINS = ["AWS_SES", "EXTERNAL"] as const;

export const dkimOriginInput = input({
  label: "DKIM Keys",
  type: "string",
  required: true,
  default: "AWS_SES",
  model: [
    { label: "Easy DKIM: SES makes and rotates the keys (AWS_SES)", value: "AWS_SES" },
    { label: "Bring your own DKIM key (EXTERNAL)", value: "EXTERNAL" },
  ],
  comments:
    "Who holds the signing key. Easy DKIM publishes three CNAME records; with your own key you publish one TXT record with its public key. (SES's deterministic Easy DKIM of another region, AWS_SES_<REGION>, is available through Call SES Operation.)",
  clean: cleanChoice("DKIM Keys", DKIM_ORIGINS, "AWS_SES"),
});

export const DKIM_KEY_LENGTHS = ["RSA_2048_BIT", "RSA_1024_BIT"] as const;

export const dkimKeyLengthInput = input({
  label: "Easy DKIM Key Length",
  type: "string",
  required: false,
  default: "RSA_2048_BIT",
  model: [
    { label: "2048-bit RSA", value: "RSA_2048_BIT" },
    { label: "1024-bit RSA", value: "RSA_1024_BIT" },
  ],
  comments: "For Easy DKIM: the length of the next key SES generates at rotation.",
  clean: cleanChoice("Easy DKIM Key Length", DKIM_KEY_LENGTHS, "RSA_2048_BIT"),
});

export const dkimSelectorInput = input({
  label: "DKIM Selector",
  type: "string",
  required: false,
  comments:
    "For your own key: the selector its TXT record is published under (<selector>._domainkey.<domain>). A DNS label: letters, digits and hyphens, at most 63.",
  example: "tenant2026",
  clean: (value: unknown) => {
    const text = cleanString(value);
    if (text === "") return undefined;
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(text)) {
      throw new Error(
        `DKIM Selector "${JSON.stringify(text).slice(1, 64)}" is not a DNS label (letters, digits and inner hyphens, at most 63).`,
      );
    }
    return text;
  },
});

export const dkimPrivateKeyInput = input({
  label: "DKIM Private Key",
  type: "password",
  required: false,
  comments:
    "For your own key: the 1024- or 2048-bit RSA private key, as PEM or as SES wants it (base64 DER, without the BEGIN/END lines). It goes only to SES and never into the step's output or logs.",
  clean: (value: unknown) => cleanString(value) || undefined,
});

export const feedbackForwardingInput = input({
  label: "Feedback Forwarding",
  type: "boolean",
  required: true,
  default: "true",
  comments:
    "Forward bounces and complaints by email to the sender (Return-Path). To turn it off, the identity must publish bounces and complaints to SNS first (Set Identity Notification Topic or a configuration set), or SES refuses.",
  clean: cleanBoolean("Feedback Forwarding", true),
});

export const defaultConfigurationSetInput = input({
  label: "Default Configuration Set",
  type: "string",
  required: false,
  dataSource: "selectConfigurationSet",
  comments:
    "The configuration set SES applies to mail from this identity when a send names none: give each tenant's domain its own set. Leave empty to remove the default.",
  example: "tenant-acme",
  clean: (value: unknown) => {
    const text = cleanString(value);
    return text === ""
      ? undefined
      : checkSesName("Default Configuration Set", text, "configuration set");
  },
});
