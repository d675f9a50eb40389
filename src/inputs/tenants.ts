import { input } from "@prismatic-io/spectral";
import { checkTenantName } from "../values/tenantName";
import { cleanBoolean, cleanOptional, cleanString } from "./clean";

export const tenantNameInput = input({
  label: "Tenant Name",
  type: "string",
  required: true,
  dataSource: "selectTenant",
  comments: "The SES tenant.",
  example: "acme-corp",
  clean: (value: unknown) => checkTenantName("Tenant Name", cleanString(value)),
});

export const newTenantNameInput = { ...tenantNameInput, dataSource: undefined };

/** On a send: the tenant the message is sent under, if any. */
export const sendingTenantInputs = {
  tenantName: input({
    label: "Tenant Name",
    type: "string",
    required: false,
    dataSource: "selectTenant",
    comments:
      "Send under this SES tenant: SES tracks the message's reputation, and enforces pauses, per tenant. The sender identity, the configuration set and the template must be associated with the tenant (Onboard Tenant does it), or SES refuses the send.",
    example: "acme-corp",
    clean: cleanOptional((text) => checkTenantName("Tenant Name", text)),
  }),
  tenantFromCustomer: input({
    label: "Tenant From Customer",
    type: "boolean",
    required: false,
    default: "false",
    comments:
      "Send under the tenant of this instance's customer: its external ID as the tenant name (kept when it is a valid name, otherwise made one, with a short hash: see the tenants guide). One integration, deployed to many customers, then sends each customer's mail under its own tenant with no per-instance setting. Not with Tenant Name.",
    clean: cleanBoolean("Tenant From Customer"),
  }),
};
