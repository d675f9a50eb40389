import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { feedbackForwardingInput, identityInput } from "../../inputs/emailIdentity";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { identity: "example.com", feedbackForwarding: false } };

export const putEmailIdentityFeedback = action({
  display: {
    label: "Set Feedback Forwarding",
    description:
      "Turn on or off the forwarding of bounces and complaints by email to an identity's senders (off only once they go to SNS).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    feedbackForwarding: feedbackForwardingInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutEmailIdentityFeedbackAttributesCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutEmailIdentityFeedbackAttributesCommand({
        EmailIdentity: params.identity,
        EmailForwardingEnabled: params.feedbackForwarding,
      }),
    );
    return {
      data: { identity: params.identity, feedbackForwarding: params.feedbackForwarding },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
