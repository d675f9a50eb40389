import { input } from "@prismatic-io/spectral";
import { REPUTATION_POLICIES, RESOURCE_TYPES } from "../values/sesArn";
import { checkTenantName } from "../values/tenantName";
import {
  cleanBoolean,
  cleanChoice,
  cleanKeyValueList,
  cleanOptional,
  cleanString,
  cleanStringList,
} from "./clean";
import { connectionInput, regionInput } from "./common";

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

/** The inputs of every action on one existing tenant (before its own, and the endpoint). */
export const oneTenantInputs = {
  connection: connectionInput,
  region: regionInput,
  tenantName: tenantNameInput,
};

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

export const resourceTypeInput = input({
  label: "Resource Type",
  type: "string",
  required: true,
  model: RESOURCE_TYPES.map(({ label, type }) => ({ label, value: type })),
  comments: "What kind of SES resource: an email identity, a configuration set or a template.",
  example: "identity",
  clean: cleanChoice(
    "Resource Type",
    RESOURCE_TYPES.map(({ type }) => type),
  ),
});

export const resourceNameInput = input({
  label: "Resource Name",
  type: "string",
  required: true,
  comments:
    "The identity (example.com or billing@example.com), configuration set or template name, in this region of the connection's account.",
  example: "example.com",
  clean: (value: unknown) => {
    const text = cleanString(value);
    // An identity (domain or address), or an SES name: no spaces, controls or "/" in any.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    if (!/^[^\s/\u0000-\u001f\u007f]{1,320}$/.test(text)) {
      throw new Error(
        `Resource Name "${text.slice(0, 80)}" must be 1 to 320 characters without spaces, control characters or "/".`,
      );
    }
    return text;
  },
});

export const tenantTagsInput = input({
  label: "Tags",
  type: "string",
  collection: "keyvaluelist",
  required: false,
  comments:
    "Tags for the tenant (key 1-128 characters, value up to 256): your customer's ID, plan, region.",
  clean: (value: unknown) =>
    cleanKeyValueList(value).map(({ key, value: tagValue }) => {
      const text = typeof tagValue === "string" ? tagValue : JSON.stringify(tagValue ?? "");
      if (key.length < 1 || key.length > 128 || text.length > 256) {
        throw new Error(
          `Tags: "${key.slice(0, 40)}" must have a 1-128 character key and a value of at most 256.`,
        );
      }
      return { Key: key, Value: text };
    }),
});

export const SUPPRESSION_SCOPES = ["ACCOUNT", "TENANT"] as const;

export const suppressionScopeInput = input({
  label: "Suppression List",
  type: "string",
  required: false,
  model: [
    { label: "The account's (shared by all tenants)", value: "ACCOUNT" },
    { label: "The tenant's own", value: "TENANT" },
  ],
  comments:
    "Which suppression list the tenant's sends check and add to: its own (one customer's bounces never block another's recipients) or the account's. Empty keeps SES's default (the account's).",
  clean: cleanOptional((text) => cleanChoice("Suppression List", SUPPRESSION_SCOPES)(text)),
});

export const tenantSuppressedReasonsInput = input({
  label: "Suppress On",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: "What adds a recipient to the tenant's suppression list: BOUNCE and/or COMPLAINT.",
  example: "BOUNCE",
  clean: (value: unknown) =>
    cleanStringList(value).map((item) => {
      const reason = item.toUpperCase();
      if (reason !== "BOUNCE" && reason !== "COMPLAINT") {
        throw new Error(`Suppress On: "${item}" is not BOUNCE or COMPLAINT.`);
      }
      return reason as "BOUNCE" | "COMPLAINT";
    }),
});

export const reputationPolicyInput = input({
  label: "Reputation Policy",
  type: "string",
  required: true,
  model: [
    { label: "Standard: pause on high-severity deliverability issues", value: "standard" },
    { label: "Strict: pause on any deliverability issue", value: "strict" },
    { label: "None: never pause automatically", value: "none" },
  ],
  comments: "What SES does when the tenant's reputation degrades (SES's managed policies).",
  example: "standard",
  clean: cleanChoice("Reputation Policy", REPUTATION_POLICIES),
});

export const SENDING_STATUSES = [
  { label: "Enabled", value: "ENABLED" },
  { label: "Disabled (paused)", value: "DISABLED" },
  { label: "Reinstated (resumed after SES paused it)", value: "REINSTATED" },
] as const;
const cleanSendingStatus = (label: string) =>
  cleanChoice(label, ["ENABLED", "DISABLED", "REINSTATED"] as const);

export const tenantSendingStatusInput = input({
  label: "Sending Status",
  type: "string",
  required: true,
  model: [...SENDING_STATUSES],
  comments: "Pause or resume the tenant's sending yourself (the customer-managed status).",
  example: "DISABLED",
  clean: cleanSendingStatus("Sending Status"),
});

export const sendingStatusFilterInput = input({
  label: "Sending Status",
  type: "string",
  required: false,
  model: [{ label: "Any", value: "" }, ...SENDING_STATUSES],
  comments: "Only tenants with this sending status (Disabled: the paused ones).",
  clean: cleanOptional(cleanSendingStatus("Sending Status")),
});
