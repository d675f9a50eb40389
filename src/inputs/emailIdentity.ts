import { domainToASCII } from "node:url";
import { input } from "@prismatic-io/spectral";
import isFQDN from "validator/lib/isFQDN";
import { parseAddress } from "../mail/addresses";
import { cleanString } from "./clean";

/** An SES identity: a bare email address, or a domain (in punycode, as SES stores it). */
export function parseIdentity(label: string, value: unknown): string {
  const text = cleanString(value);
  if (text === "") throw new Error(`${label} is required.`);
  if (text.includes("@")) {
    const address = parseAddress(label, text);
    if (address.includes("<")) throw new Error(`${label}: give the bare address, without a name.`);
    return address;
  }
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
