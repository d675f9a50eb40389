import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput } from "../../inputs/emailIdentity";
import { outputSchemaFrom } from "../outputSchema";
import { describeDkim } from "./describeIdentity";

const examplePayload = {
  data: {
    identity: "example.com",
    identityType: "DOMAIN",
    verificationStatus: "SUCCESS",
    verifiedForSending: true,
    feedbackForwarding: true,
    dkim: describeDkim("example.com", {
      SigningEnabled: true,
      Status: "SUCCESS",
      SigningAttributesOrigin: "AWS_SES",
      Tokens: ["4zxq7m2l5vbdkq3nrb2mclxvz6c3ehkn"],
    }),
    mailFrom: {
      domain: "bounce.example.com" as string | null,
      status: "SUCCESS" as string | null,
      behaviorOnMxFailure: "USE_DEFAULT_VALUE" as string | null,
    },
    configurationSet: "transactional" as string | null,
    policyNames: ["allow-partner-sending"],
    tags: { team: "billing" } as Record<string, string>,
  },
};

export const getEmailIdentity = action({
  display: {
    label: "Get Email Identity",
    description:
      "Get an identity's verification status, DKIM set-up, custom MAIL FROM domain, feedback forwarding, policies and tags.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetEmailIdentityCommand } = await import("@aws-sdk/client-sesv2");
    const response = await (await createSesV2Client(clientSettings(params))).send(
      new GetEmailIdentityCommand({ EmailIdentity: params.identity }),
    );
    return {
      data: {
        identity: params.identity,
        identityType: response.IdentityType ?? "",
        verificationStatus: response.VerificationStatus ?? "",
        verifiedForSending: response.VerifiedForSendingStatus ?? false,
        feedbackForwarding: response.FeedbackForwardingStatus ?? false,
        dkim: describeDkim(params.identity, response.DkimAttributes),
        mailFrom: {
          domain: response.MailFromAttributes?.MailFromDomain ?? null,
          status: response.MailFromAttributes?.MailFromDomainStatus ?? null,
          behaviorOnMxFailure: response.MailFromAttributes?.BehaviorOnMxFailure ?? null,
        },
        configurationSet: response.ConfigurationSetName ?? null,
        policyNames: Object.keys(response.Policies ?? {}),
        tags: Object.fromEntries((response.Tags ?? []).map((tag) => [tag.Key, tag.Value])),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
