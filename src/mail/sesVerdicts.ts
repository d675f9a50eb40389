import { parseAuthenticationResults, resultFor } from "./authenticationResults";

type VerdictName = "spam" | "virus" | "spf" | "dkim" | "dmarc";

/**
 * SES's receipt checks, and where each came from: "notification" (the SES receipt notification,
 * signed by SNS), the name of the SES-added header it was read from, or null when SES gave none.
 */
export type SesVerdicts = Record<VerdictName, string | null> & {
  source: Record<VerdictName, string | null>;
};

// The trace headers SES puts on top of each received message, in the order it writes them.
const SES_BLOCK_ORDER = [
  "return-path",
  "received",
  "x-ses-spam-verdict",
  "x-ses-virus-verdict",
  "received-spf",
  "authentication-results",
  "x-ses-receipt",
  "x-ses-dkim-signature",
];
const SES_RECEIVED = /\bby inbound-smtp\.[a-z0-9-]+\.amazonaws\.com\b/i;

/**
 * The header block SES prepended: the topmost headers, each at most once and in SES's order,
 * ending at the first header that breaks the order; and only if its Received line is SES's
 * inbound server. When a receipt rule does not scan, SES writes no X-SES-Spam-Verdict, and a
 * sender's own copy comes after SES's Authentication-Results / X-SES-RECEIPT, so it is left out.
 */
export function sesHeaderBlock(headers: { key: string; value: string }[]): Map<string, string> {
  const block = new Map<string, string>();
  let position = -1;
  for (const header of headers) {
    const next = SES_BLOCK_ORDER.indexOf(header.key.toLowerCase());
    if (next <= position) break;
    block.set(SES_BLOCK_ORDER[next], header.value.trim());
    position = next;
  }
  return SES_RECEIVED.test(block.get("received") ?? "") ? block : new Map();
}

const firstWord = (value: string | undefined) =>
  value ? value.split(/\s/)[0].toUpperCase() || null : null;

/** Verdicts from the header block SES prepended; null where SES added none. */
export function readSesVerdicts(headers: { key: string; value: string }[]): SesVerdicts {
  const block = sesHeaderBlock(headers);
  const results = block.get("authentication-results");
  const parsed = results ? parseAuthenticationResults(results) : undefined;
  const fromSes = parsed?.authservId === "amazonses.com" ? parsed : undefined;
  const method = (name: string) => (fromSes ? resultFor(fromSes, name) : null);

  const spam = firstWord(block.get("x-ses-spam-verdict"));
  const virus = firstWord(block.get("x-ses-virus-verdict"));
  const spfResult = method("spf");
  const spfHeader = spfResult ? null : firstWord(block.get("received-spf"));
  const dkim = method("dkim");
  const dmarc = method("dmarc");
  const from = (value: string | null, header: string) => (value ? header : null);
  return {
    spam,
    virus,
    spf: spfResult ?? spfHeader,
    dkim,
    dmarc,
    source: {
      spam: from(spam, "X-SES-Spam-Verdict"),
      virus: from(virus, "X-SES-Virus-Verdict"),
      spf: spfResult ? "Authentication-Results" : from(spfHeader, "Received-SPF"),
      dkim: from(dkim, "Authentication-Results"),
      dmarc: from(dmarc, "Authentication-Results"),
    },
  };
}

/** Verdicts from a verified SES receipt notification (`receipt.*Verdict.status`). */
export function verdictsFromNotification(
  verdicts: Record<VerdictName, string | null>,
): SesVerdicts {
  const names = Object.keys(verdicts) as VerdictName[];
  const source = Object.fromEntries(
    names.map((name) => [name, verdicts[name] ? "notification" : null]),
  ) as SesVerdicts["source"];
  return { ...verdicts, source };
}
