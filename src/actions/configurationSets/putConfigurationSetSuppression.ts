import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  configurationSetNameInput,
  setSuppressedReasonsInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { configurationSet: "tenant-acme", suppressedReasons: ["BOUNCE", "COMPLAINT"] },
};

export const putConfigurationSetSuppression = action({
  display: {
    label: "Set Configuration Set Suppression",
    description:
      "Choose what adds recipients to the suppression list for mail sent with a configuration set (bounces, complaints, both or neither), instead of the account's setting.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    suppressedReasons: setSuppressedReasonsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutConfigurationSetSuppressionOptionsCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutConfigurationSetSuppressionOptionsCommand({
        ConfigurationSetName: params.configurationSet,
        SuppressedReasons: params.suppressedReasons,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        suppressedReasons: params.suppressedReasons as string[],
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
