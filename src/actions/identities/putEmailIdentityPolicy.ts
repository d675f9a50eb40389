import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput } from "../../inputs/emailIdentity";
import { policyDocumentInput, policyNameInput } from "../../inputs/policies";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { identity: "example.com", policyName: "allow-partner-sending", created: true },
};

export const putEmailIdentityPolicy = action({
  display: {
    label: "Put Email Identity Policy",
    description:
      "Create or replace a sending authorization policy on an identity, letting other accounts send as it.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    policyName: policyNameInput,
    policy: policyDocumentInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const {
      AlreadyExistsException,
      CreateEmailIdentityPolicyCommand,
      UpdateEmailIdentityPolicyCommand,
    } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const input = {
      EmailIdentity: params.identity,
      PolicyName: params.policyName,
      Policy: params.policy,
    };
    try {
      await client.send(new CreateEmailIdentityPolicyCommand(input));
      return { data: { identity: params.identity, policyName: params.policyName, created: true } };
    } catch (error) {
      // A policy of that name exists: replace it.
      if (!(error instanceof AlreadyExistsException)) throw error;
      await client.send(new UpdateEmailIdentityPolicyCommand(input));
      return { data: { identity: params.identity, policyName: params.policyName, created: false } };
    }
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
