import { createHash } from "node:crypto";
import { checkSesName } from "./sesName";

/** An SES tenant name: 1 to 64 letters, digits, "_" or "-" (SES's rule for its names). */
export const checkTenantName = (label: string, value: string) =>
  checkSesName(label, value, "tenant");

const TENANT_CHARS = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The tenant of a Prismatic customer, from its external ID (the ID the vendor gave the customer,
 * stable across instances and deployments):
 * - an external ID that is a valid tenant name is the tenant name, unchanged;
 * - any other becomes its valid characters (other runs of characters as "-", trimmed, at most 55)
 *   plus "-" and 8 hex digits of its SHA-256, so two external IDs never share a tenant.
 * So `acme-corp` is `acme-corp`, and `Acme Corp. (EU)` is `Acme-Corp-EU-1b5e4d9a`-like.
 */
export function tenantNameForCustomer(externalId: string | undefined | null): string {
  const id = (externalId ?? "").trim();
  if (!id) {
    throw new Error(
      "This instance's customer has no external ID, so it has no tenant name: give the customer an external ID in Prismatic (Customers, the customer, External ID), or set Tenant Name instead of Tenant From Customer.",
    );
  }
  if (TENANT_CHARS.test(id)) return id;
  const readable = id
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 55);
  const suffix = createHash("sha256").update(id, "utf8").digest("hex").slice(0, 8);
  return readable ? `${readable}-${suffix}` : `customer-${suffix}`;
}
