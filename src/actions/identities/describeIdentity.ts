import type { DkimAttributes } from "@aws-sdk/client-sesv2";

/** DKIM status plus, for Easy DKIM, the CNAME records to publish (what a user needs next). */
export function describeDkim(identity: string, dkim: DkimAttributes | undefined) {
  const domain = identity.includes("@") ? identity.slice(identity.lastIndexOf("@") + 1) : identity;
  const tokens = dkim?.Tokens ?? [];
  const easyDkim = (dkim?.SigningAttributesOrigin ?? "AWS_SES").startsWith("AWS_SES");
  return {
    signingEnabled: dkim?.SigningEnabled ?? false,
    status: dkim?.Status ?? null,
    tokens,
    dnsRecords: easyDkim
      ? tokens.map((token) => ({
          name: `${token}._domainkey.${domain}`,
          type: "CNAME",
          value: `${token}.dkim.amazonses.com`,
        }))
      : [],
  };
}
