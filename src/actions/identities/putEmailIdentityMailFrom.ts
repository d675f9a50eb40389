import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  behaviorOnMxFailureInput,
  identityDomain,
  identityInput,
  mailFromDomainInput,
} from "../../inputs/emailIdentity";
import { outputSchemaFrom } from "../outputSchema";

/** The MX and SPF records a custom MAIL FROM domain needs (SES's "Custom MAIL FROM" guide). */
export function mailFromRecords(mailFromDomain: string, region: string) {
  return [
    { name: mailFromDomain, type: "MX", value: `10 feedback-smtp.${region}.amazonses.com` },
    { name: mailFromDomain, type: "TXT", value: '"v=spf1 include:amazonses.com ~all"' },
  ];
}

const examplePayload = {
  data: {
    identity: "example.com",
    mailFromDomain: "mail.example.com" as string | null,
    behaviorOnMxFailure: "USE_DEFAULT_VALUE",
    dnsRecords: mailFromRecords("mail.example.com", "us-east-1"),
  },
};

export const putEmailIdentityMailFrom = action({
  display: {
    label: "Set Custom MAIL FROM Domain",
    description:
      "Use a subdomain of your own as the envelope sender of an identity's mail (for SPF alignment and DMARC), or go back to SES's; returns the MX and SPF records to publish.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    mailFromDomain: mailFromDomainInput,
    behaviorOnMxFailure: behaviorOnMxFailureInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const domain = identityDomain(params.identity);
    const mailFrom = params.mailFromDomain;
    // SES's rule: a subdomain of the identity's domain, never the domain itself.
    if (mailFrom !== undefined && !mailFrom.endsWith(`.${domain}`)) {
      throw new Error(
        `MAIL FROM Domain "${mailFrom}" must be a subdomain of ${domain}, such as mail.${domain}.`,
      );
    }
    const { PutEmailIdentityMailFromAttributesCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutEmailIdentityMailFromAttributesCommand({
        EmailIdentity: params.identity,
        MailFromDomain: mailFrom,
        BehaviorOnMxFailure: params.behaviorOnMxFailure,
      }),
    );
    return {
      data: {
        identity: params.identity,
        mailFromDomain: mailFrom ?? null,
        behaviorOnMxFailure: params.behaviorOnMxFailure,
        dnsRecords: mailFrom ? mailFromRecords(mailFrom, params.region) : [],
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
