/** SES's receipt checks, read from the headers SES adds at the top of each received message. */
export interface SesVerdicts {
  spam: string | null;
  virus: string | null;
  spf: string | null;
  dkim: string | null;
  dmarc: string | null;
}

/**
 * Only the first (topmost) occurrence of each header is SES's: a sender can put its own
 * X-SES-* or Authentication-Results headers lower in the message, and those must not count.
 * Authentication-Results is taken only from SES's own server (authserv-id amazonses.com).
 */
export function readSesVerdicts(headers: { key: string; value: string }[]): SesVerdicts {
  const first = (name: string) =>
    headers.find((header) => header.key === name)?.value.trim() ?? null;
  const verdict = (value: string | null) => (value ? value.split(/\s/)[0].toUpperCase() : null);

  const results = first("authentication-results");
  const fromSes = results !== null && /^amazonses\.com\s*;/i.test(results);
  const method = (name: string) => {
    if (!fromSes) return null;
    const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*([A-Za-z]+)`, "i").exec(results as string);
    return match ? match[1].toUpperCase() : null;
  };

  return {
    spam: verdict(first("x-ses-spam-verdict")),
    virus: verdict(first("x-ses-virus-verdict")),
    spf: method("spf") ?? verdict(first("received-spf")),
    dkim: method("dkim"),
    dmarc: method("dmarc"),
  };
}
