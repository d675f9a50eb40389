import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { suppressedAddressInput } from "../../inputs/suppression";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { emailAddress: "bounced@example.com", removed: true } };

export const deleteSuppressedDestination = action({
  display: {
    label: "Remove from Suppression List",
    description:
      "Remove an address from the account-level suppression list, so SES sends to it again.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    emailAddress: suppressedAddressInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteSuppressedDestinationCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteSuppressedDestinationCommand({ EmailAddress: params.emailAddress }),
    );
    return { data: { emailAddress: params.emailAddress, removed: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
