import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { suppressedAddressInput } from "../../inputs/suppression";
import { outputSchemaFrom } from "../outputSchema";
import { describeSuppressed } from "./describeSuppressed";

const examplePayload = {
  data: {
    emailAddress: "bounced@example.com",
    reason: "BOUNCE",
    lastUpdated: "2026-11-20T08:31:12.000Z" as string | null,
    messageId: "0100019a7f3c2d1e-5b7e2f0a-8c41-4d7b-9a3e-2f6c1d8e4b90-000000" as string | null,
    feedbackId: "0100019a7f3c2d1e-aa11bb22-cc33-4d44-8e55-ff6600112233-000000" as string | null,
  },
};

export const getSuppressedDestination = action({
  display: {
    label: "Get Suppressed Address",
    description:
      "Get why and when an address was put on the account-level suppression list. Fails with a not-found error when it is not on the list.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    emailAddress: suppressedAddressInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetSuppressedDestinationCommand } = await import("@aws-sdk/client-sesv2");
    const { SuppressedDestination } = await (await createSesV2Client(clientSettings(params))).send(
      new GetSuppressedDestinationCommand({ EmailAddress: params.emailAddress }),
    );
    if (!SuppressedDestination) {
      throw new Error(`SES returned no suppression entry for ${params.emailAddress}.`);
    }
    return { data: describeSuppressed(SuppressedDestination) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
