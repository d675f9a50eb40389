import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput } from "../../inputs/emailIdentity";
import { policyNameInput } from "../../inputs/policies";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { identity: "example.com", policyName: "allow-partner-sending", deleted: true },
};

export const deleteEmailIdentityPolicy = action({
  display: {
    label: "Delete Email Identity Policy",
    description: "Delete a sending authorization policy from an identity.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    policyName: policyNameInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteEmailIdentityPolicyCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteEmailIdentityPolicyCommand({
        EmailIdentity: params.identity,
        PolicyName: params.policyName,
      }),
    );
    return { data: { identity: params.identity, policyName: params.policyName, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
