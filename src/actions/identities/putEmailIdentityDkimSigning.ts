import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { dkimSigningEnabledInput, identityInput } from "../../inputs/emailIdentity";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { identity: "example.com", signingEnabled: true } };

export const putEmailIdentityDkimSigning = action({
  display: {
    label: "Turn DKIM Signing On or Off",
    description:
      "Turn DKIM signing of an identity's mail on or off (the DKIM keys and DNS records stay as they are).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    signingEnabled: dkimSigningEnabledInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutEmailIdentityDkimAttributesCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutEmailIdentityDkimAttributesCommand({
        EmailIdentity: params.identity,
        SigningEnabled: params.signingEnabled,
      }),
    );
    return { data: { identity: params.identity, signingEnabled: params.signingEnabled } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
