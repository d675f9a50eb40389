import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  configurationSetNameInput,
  maxDeliverySecondsInput,
  sendingPoolInput,
  tlsRequiredInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    configurationSet: "tenant-acme",
    tlsPolicy: "REQUIRE",
    sendingPool: "tenant-acme-pool" as string | null,
    maxDeliverySeconds: 3600 as number | null,
  },
};

export const putConfigurationSetDelivery = action({
  display: {
    label: "Set Configuration Set Delivery",
    description:
      "Set how a configuration set's mail is delivered: TLS required or optional, the dedicated IP pool, and how long SES retries.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    tlsRequired: tlsRequiredInput,
    sendingPool: sendingPoolInput,
    maxDeliverySeconds: maxDeliverySecondsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutConfigurationSetDeliveryOptionsCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutConfigurationSetDeliveryOptionsCommand({
        ConfigurationSetName: params.configurationSet,
        TlsPolicy: params.tlsRequired ? "REQUIRE" : "OPTIONAL",
        SendingPoolName: params.sendingPool,
        MaxDeliverySeconds: params.maxDeliverySeconds,
      }),
    );
    return {
      data: {
        configurationSet: params.configurationSet,
        tlsPolicy: params.tlsRequired ? "REQUIRE" : "OPTIONAL",
        sendingPool: params.sendingPool ?? null,
        maxDeliverySeconds: params.maxDeliverySeconds ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
