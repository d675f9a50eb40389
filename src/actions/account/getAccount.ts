import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    productionAccess: true,
    inSandbox: false,
    sendingEnabled: true,
    enforcementStatus: "HEALTHY",
    max24HourSend: 50000,
    maxSendRate: 14,
    sentLast24Hours: 1234,
    remainingLast24Hours: 48766,
    suppressedReasons: ["BOUNCE", "COMPLAINT"],
    dedicatedIpAutoWarmup: false,
  },
};

export const getAccount = action({
  display: {
    label: "Get Account",
    description:
      "Get this region's SES account status: sandbox or production, sending enabled, enforcement status, sending quotas and suppression settings.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetAccountCommand } = await import("@aws-sdk/client-sesv2");
    const account = await (await createSesV2Client(clientSettings(params))).send(
      new GetAccountCommand({}),
    );
    const quota = account.SendQuota ?? {};
    const max24HourSend = quota.Max24HourSend ?? 0;
    const sentLast24Hours = quota.SentLast24Hours ?? 0;
    return {
      data: {
        productionAccess: account.ProductionAccessEnabled ?? false,
        inSandbox: !(account.ProductionAccessEnabled ?? false),
        sendingEnabled: account.SendingEnabled ?? false,
        enforcementStatus: account.EnforcementStatus ?? "",
        max24HourSend,
        maxSendRate: quota.MaxSendRate ?? 0,
        sentLast24Hours,
        remainingLast24Hours: Math.max(0, max24HourSend - sentLast24Hours),
        suppressedReasons: account.SuppressionAttributes?.SuppressedReasons ?? [],
        dedicatedIpAutoWarmup: account.DedicatedIpAutoWarmupEnabled ?? false,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
