import type { SESv2Client, Tenant, TenantInfo } from "@aws-sdk/client-sesv2";
import { partsOfTenantArn, type ReputationPolicy, reputationPolicyArn } from "../../values/sesArn";

/** A tenant's name, IDs, creation time and sending status (what List Tenants returns). */
export function tenantSummary(tenant: TenantInfo | undefined) {
  return {
    tenantName: tenant?.TenantName ?? "",
    tenantId: tenant?.TenantId ?? null,
    tenantArn: tenant?.TenantArn ?? null,
    createdAt: tenant?.CreatedTimestamp?.toISOString() ?? null,
    sendingStatus: (tenant?.SendingStatus ?? null) as string | null,
  };
}

/** The SuppressionAttributes of a new tenant, or none when neither input is set. */
export function tenantSuppression(params: {
  suppressionScope?: "ACCOUNT" | "TENANT";
  suppressedReasons: ("BOUNCE" | "COMPLAINT")[];
}) {
  return params.suppressionScope || params.suppressedReasons.length
    ? { SuppressionScope: params.suppressionScope, SuppressedReasons: params.suppressedReasons }
    : undefined;
}

/** A tenant as the tenant actions return it. */
export function tenantOutput(tenant: Tenant | undefined) {
  return {
    ...tenantSummary(tenant),
    tags: Object.fromEntries((tenant?.Tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""])),
    suppression: tenant?.SuppressionAttributes
      ? {
          scope: (tenant.SuppressionAttributes.SuppressionScope ?? null) as string | null,
          reasons: (tenant.SuppressionAttributes.SuppressedReasons ?? []) as string[],
        }
      : null,
  };
}

export const exampleTenant = {
  tenantName: "acme-corp",
  tenantId: "tn-2a8c678ec0000fdaf76cc1f127b40" as string | null,
  tenantArn:
    "arn:aws:ses:us-east-1:111122223333:tenant/acme-corp/tn-2a8c678ec0000fdaf76cc1f127b40" as
      | string
      | null,
  createdAt: "2026-11-23T17:41:05.000Z" as string | null,
  sendingStatus: "ENABLED" as string | null,
  tags: { customer: "acme" } as Record<string, string>,
  suppression: { scope: "TENANT" as string | null, reasons: ["BOUNCE", "COMPLAINT"] } as {
    scope: string | null;
    reasons: string[];
  } | null,
};

/** The tenant (its ARN names the partition, region and account its resources' ARNs use). */
export async function getTenant(client: SESv2Client, tenantName: string) {
  const { GetTenantCommand } = await import("@aws-sdk/client-sesv2");
  const { Tenant } = await client.send(new GetTenantCommand({ TenantName: tenantName }));
  return { tenant: Tenant, parts: partsOfTenantArn(Tenant?.TenantArn) };
}

/** Sets one of SES's managed reputation policies on the tenant; resolves with the policy's ARN. */
export async function setReputationPolicy(
  client: SESv2Client,
  { tenant, parts }: Awaited<ReturnType<typeof getTenant>>,
  policy: ReputationPolicy,
): Promise<string> {
  const { UpdateReputationEntityPolicyCommand } = await import("@aws-sdk/client-sesv2");
  const policyArn = reputationPolicyArn(parts, policy);
  await client.send(
    new UpdateReputationEntityPolicyCommand({
      ReputationEntityType: "RESOURCE",
      ReputationEntityReference: tenant?.TenantArn,
      ReputationEntityPolicy: policyArn,
    }),
  );
  return policyArn;
}
