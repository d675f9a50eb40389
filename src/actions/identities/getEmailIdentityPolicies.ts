import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput } from "../../inputs/emailIdentity";
import { optionalPolicyNameInput } from "../../inputs/policies";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    identity: "example.com",
    policies: [
      {
        name: "allow-partner-sending",
        policy: {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "AllowPartner",
              Effect: "Allow",
              Principal: { AWS: "arn:aws:iam::444455556666:root" },
              Action: ["ses:SendEmail", "ses:SendRawEmail"],
              Resource: "arn:aws:ses:us-east-1:111122223333:identity/example.com",
            },
          ],
        } as unknown,
      },
    ],
  },
};

export const getEmailIdentityPolicies = action({
  display: {
    label: "Get Email Identity Policies",
    description:
      "Get the sending authorization policies of an identity (all, or one by name), as parsed JSON.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    policyName: optionalPolicyNameInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetEmailIdentityPoliciesCommand } = await import("@aws-sdk/client-sesv2");
    const { Policies } = await (await createSesV2Client(clientSettings(params))).send(
      new GetEmailIdentityPoliciesCommand({ EmailIdentity: params.identity }),
    );
    const policies = Object.entries(Policies ?? {})
      .filter(([name]) => !params.policyName || name === params.policyName)
      .map(([name, text]) => ({ name, policy: JSON.parse(text) as unknown }));
    if (params.policyName && policies.length === 0) {
      throw new Error(
        `The identity ${params.identity} has no policy named "${params.policyName}".`,
      );
    }
    return { data: { identity: params.identity, policies } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
