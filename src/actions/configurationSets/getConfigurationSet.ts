import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { configurationSetNameInput } from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    configurationSet: "tenant-acme",
    sendingEnabled: true,
    tracking: {
      customRedirectDomain: "track.acme.example" as string | null,
      httpsPolicy: "REQUIRE" as string | null,
    },
    delivery: {
      tlsPolicy: "REQUIRE" as string | null,
      sendingPool: "tenant-acme-pool" as string | null,
      maxDeliverySeconds: 3600 as number | null,
    },
    reputation: {
      metricsEnabled: true,
      lastFreshStart: "2026-11-01T00:00:00.000Z" as string | null,
    },
    suppressedReasons: ["BOUNCE", "COMPLAINT"] as string[] | null,
    tags: { tenant: "acme" } as Record<string, string>,
  },
};

export const getConfigurationSet = action({
  display: {
    label: "Get Configuration Set",
    description:
      "Get a configuration set whole: whether it sends, its tracking, delivery, reputation and suppression options, and its tags.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    configurationSet: configurationSetNameInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetConfigurationSetCommand } = await import("@aws-sdk/client-sesv2");
    const set = await (await createSesV2Client(clientSettings(params))).send(
      new GetConfigurationSetCommand({ ConfigurationSetName: params.configurationSet }),
    );
    return {
      data: {
        configurationSet: set.ConfigurationSetName ?? params.configurationSet,
        sendingEnabled: set.SendingOptions?.SendingEnabled ?? true,
        tracking: {
          customRedirectDomain: set.TrackingOptions?.CustomRedirectDomain ?? null,
          httpsPolicy: set.TrackingOptions?.HttpsPolicy ?? null,
        },
        delivery: {
          tlsPolicy: set.DeliveryOptions?.TlsPolicy ?? null,
          sendingPool: set.DeliveryOptions?.SendingPoolName ?? null,
          maxDeliverySeconds: set.DeliveryOptions?.MaxDeliverySeconds ?? null,
        },
        reputation: {
          metricsEnabled: set.ReputationOptions?.ReputationMetricsEnabled ?? false,
          lastFreshStart: set.ReputationOptions?.LastFreshStart?.toISOString() ?? null,
        },
        // null: the set follows the account's suppression setting.
        suppressedReasons:
          (set.SuppressionOptions?.SuppressedReasons as string[] | undefined) ?? null,
        tags: Object.fromEntries((set.Tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""])),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
