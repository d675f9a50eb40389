import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { accountSuppressedReasonsInput } from "../../inputs/suppression";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { region: "us-east-1", suppressedReasons: ["BOUNCE", "COMPLAINT"] },
};

export const putAccountSuppression = action({
  display: {
    label: "Set Account Suppression Reasons",
    description:
      "Choose what adds recipients to the account-level suppression list in this region: hard bounces, complaints, both or neither.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    suppressedReasons: accountSuppressedReasonsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutAccountSuppressionAttributesCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutAccountSuppressionAttributesCommand({ SuppressedReasons: params.suppressedReasons }),
    );
    return {
      data: { region: params.region, suppressedReasons: params.suppressedReasons as string[] },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
