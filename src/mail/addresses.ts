import { domainToASCII } from "node:url";
import addressparser from "nodemailer/lib/addressparser";
import { encodeWords, quoteString } from "nodemailer/lib/mime-funcs";
import isEmail from "validator/lib/isEmail";

/** SES takes at most 50 recipients (To + Cc + Bcc) in one message. */
export const MAX_RECIPIENTS = 50;

// CR or LF would let a value start a new header (header injection); other controls are never valid.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function assertNoControlCharacters(label: string, value: string): void {
  if (CONTROL_CHARACTERS.test(value)) {
    const what = /[\r\n]/.test(value) ? "a line break" : "a control character";
    throw new Error(
      `${label}: "${printable(value)}" contains ${what}, which is not allowed in a mail header.`,
    );
  }
}

function printable(value: string): string {
  return JSON.stringify(value).slice(1, -1).slice(0, 120);
}

/**
 * One address as SES wants it: domain in punycode (SES has no SMTPUTF8), and a display name
 * quoted, or MIME-encoded when it is not ASCII.
 */
function formatMailbox(label: string, name: string, address: string): string {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = at > 0 ? domainToASCII(address.slice(at + 1)) : "";
  const ascii = `${local}@${domain}`;
  if (
    at <= 0 ||
    domain === "" ||
    !isEmail(ascii, { require_tld: true, allow_utf8_local_part: false, allow_ip_domain: false })
  ) {
    throw new Error(`${label}: "${printable(address)}" is not a valid email address.`);
  }
  if (!name) return ascii;
  // Control characters were rejected already, so printable ASCII is all ASCII here.
  const displayName = /^[\x20-\x7e]*$/.test(name)
    ? quoteString(name)
    : encodeWords(name, "B", 52, true);
  return `${displayName} <${ascii}>`;
}

/**
 * Parses the entries of an address input ("jane@example.com", "Jane Doe <jane@example.com>",
 * or several separated by commas) into SES-ready addresses. Every failure names the input.
 */
export function parseAddresses(label: string, entries: string[]): string[] {
  return entries.flatMap((entry) => {
    assertNoControlCharacters(label, entry);
    const mailboxes = addressparser(entry, { flatten: true });
    if (mailboxes.length === 0) {
      throw new Error(`${label}: "${printable(entry)}" is not a valid email address.`);
    }
    return mailboxes.map(({ name, address }) => formatMailbox(label, name, address || name));
  });
}

/** Exactly one address, e.g. the sender. */
export function parseAddress(label: string, entry: string): string {
  const addresses = parseAddresses(label, [entry]);
  if (addresses.length !== 1) {
    throw new Error(`${label}: give exactly one email address, not ${addresses.length}.`);
  }
  return addresses[0];
}

/** Exactly one address without a display name: identities, contacts, suppressed addresses. */
export function parseBareAddress(label: string, entry: string): string {
  const address = parseAddress(label, entry);
  if (address.includes("<")) throw new Error(`${label}: give the bare address, without a name.`);
  return address;
}

/** The sender: an address, optionally with a separate display name (which overrides one in it). */
export function formatSender(label: string, address: string, displayName?: string): string {
  if (!address) throw new Error(`${label} is required.`);
  assertNoControlCharacters(label, address);
  if (!displayName) return parseAddress(label, address);
  assertNoControlCharacters(`${label} display name`, displayName);
  const [bare] = addressparser(address, { flatten: true });
  return parseAddress(label, `${quoteString(displayName)} <${bare?.address || address}>`);
}
