/** ARNs of SES resources, built from a tenant's ARN or an account: the tenant API takes ARNs. */

export type TenantResourceType = "identity" | "configuration-set" | "template";

export const RESOURCE_TYPES: { label: string; type: TenantResourceType }[] = [
  { label: "Email Identity", type: "identity" },
  { label: "Configuration Set", type: "configuration-set" },
  { label: "Template", type: "template" },
];

export const REPUTATION_POLICIES = ["standard", "strict", "none"] as const;
export type ReputationPolicy = (typeof REPUTATION_POLICIES)[number];

export interface ArnParts {
  partition: string;
  region: string;
  account: string;
}

const TENANT_ARN =
  /^arn:(aws[a-z-]*):ses:([a-z0-9-]+):(\d{12}):tenant\/[A-Za-z0-9_-]{1,64}(\/.*)?$/;

/** Partition, region and account of a tenant's ARN (as GetTenant returns it). */
export function partsOfTenantArn(arn: string | undefined): ArnParts {
  const match = TENANT_ARN.exec(arn ?? "");
  if (!match) throw new Error(`SES returned a tenant ARN this component cannot read: "${arn}".`);
  return { partition: match[1], region: match[2], account: match[3] };
}

export const resourceArn = (parts: ArnParts, type: TenantResourceType, name: string) =>
  `arn:${parts.partition}:ses:${parts.region}:${parts.account}:${type}/${name}`;

/** SES's managed reputation policies: standard, strict or none (AWS-owned, per region). */
export const reputationPolicyArn = (parts: ArnParts, policy: ReputationPolicy) =>
  `arn:${parts.partition}:ses:${parts.region}:aws:reputation-policy/${policy}`;
