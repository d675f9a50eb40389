import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput } from "../../inputs/emailIdentity";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { identity: "old-brand.example.com", deleted: true } };

export const deleteEmailIdentity = action({
  display: {
    label: "Delete Email Identity",
    description:
      "Delete an email address or domain identity: SES stops sending from it in this region.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: identityInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteEmailIdentityCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteEmailIdentityCommand({ EmailIdentity: params.identity }),
    );
    return { data: { identity: params.identity, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
