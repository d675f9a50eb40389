import { tenantNameForCustomer } from "../../values/tenantName";

/**
 * The tenant a send goes under: Tenant Name, or this instance's customer's (Tenant From
 * Customer), or none. Resolved before any AWS call.
 */
export function sendingTenant(
  context: { customer?: { externalId?: string | null } | null },
  params: { tenantName?: string; tenantFromCustomer: boolean },
): string | undefined {
  if (params.tenantName && params.tenantFromCustomer) {
    throw new Error(
      "Set Tenant Name or turn on Tenant From Customer, not both: the send goes under one tenant.",
    );
  }
  if (params.tenantFromCustomer) return tenantNameForCustomer(context.customer?.externalId);
  return params.tenantName;
}
