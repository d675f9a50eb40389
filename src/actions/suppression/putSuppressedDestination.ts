import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { suppressedAddressInput, suppressionReasonInput } from "../../inputs/suppression";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { emailAddress: "bounced@example.com", reason: "BOUNCE" } };

export const putSuppressedDestination = action({
  display: {
    label: "Add to Suppression List",
    description:
      "Add an address to the account-level suppression list: SES will not send to it from this region.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    emailAddress: suppressedAddressInput,
    reason: suppressionReasonInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutSuppressedDestinationCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutSuppressedDestinationCommand({
        EmailAddress: params.emailAddress,
        Reason: params.reason,
      }),
    );
    return { data: { emailAddress: params.emailAddress, reason: params.reason } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
