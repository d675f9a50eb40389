import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { endpointInput } from "../../inputs/common";
import { oneTenantInputs } from "../../inputs/tenants";
import { outputSchemaFrom } from "../outputSchema";
import { exampleTenant, getTenant, tenantOutput } from "./tenantOutput";

const status = (
  record: { Status?: string; Cause?: string; LastUpdatedTimestamp?: Date } | undefined,
) =>
  record
    ? {
        status: (record.Status ?? null) as string | null,
        cause: record.Cause ?? null,
        updatedAt: record.LastUpdatedTimestamp?.toISOString() ?? null,
      }
    : null;

const examplePayload = {
  data: {
    ...exampleTenant,
    reputation: {
      policyArn: "arn:aws:ses:us-east-1:aws:reputation-policy/standard" as string | null,
      impact: "LOW" as string | null,
      sendingStatus: "ENABLED" as string | null,
      customerManaged: { status: "ENABLED", cause: null, updatedAt: null } as {
        status: string | null;
        cause: string | null;
        updatedAt: string | null;
      } | null,
      sesManaged: { status: "ENABLED", cause: null, updatedAt: null } as {
        status: string | null;
        cause: string | null;
        updatedAt: string | null;
      } | null,
    },
  },
};

export const getTenantAction = action({
  display: {
    label: "Get Tenant",
    description:
      "Get an SES tenant and its reputation: its sending status (which SES pauses when the tenant's reputation breaches its policy), the reputation policy and impact, and the statuses you and SES set.",
  },
  inputs: {
    ...oneTenantInputs,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { GetReputationEntityCommand } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const { tenant } = await getTenant(client, params.tenantName);
    const { ReputationEntity: entity } = await client.send(
      new GetReputationEntityCommand({
        ReputationEntityType: "RESOURCE",
        ReputationEntityReference: tenant?.TenantArn,
      }),
    );
    return {
      data: {
        ...tenantOutput(tenant),
        reputation: {
          policyArn: entity?.ReputationManagementPolicy ?? null,
          impact: (entity?.ReputationImpact ?? null) as string | null,
          sendingStatus: (entity?.SendingStatusAggregate ?? null) as string | null,
          customerManaged: status(entity?.CustomerManagedStatus),
          sesManaged: status(entity?.AwsSesManagedStatus),
        },
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
