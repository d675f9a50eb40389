import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { endpointInput } from "../../inputs/common";
import {
  oneTenantInputs,
  reputationPolicyInput,
  suppressionScopeInput,
  tenantSendingStatusInput,
  tenantSuppressedReasonsInput,
} from "../../inputs/tenants";
import { outputSchemaFrom } from "../outputSchema";
import { getTenant, setReputationPolicy } from "./tenantOutput";

const policyExample = {
  data: {
    tenantName: "acme-corp",
    policyArn: "arn:aws:ses:us-east-1:aws:reputation-policy/standard",
  },
};

export const setTenantReputationPolicy = action({
  display: {
    label: "Set Tenant Reputation Policy",
    description:
      "Choose what SES does when an SES tenant's reputation degrades: pause it on high-severity issues (standard), on any issue (strict), or never (none).",
  },
  inputs: { ...oneTenantInputs, policy: reputationPolicyInput, endpoint: endpointInput },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const client = await createSesV2Client(clientSettings(params));
    const policyArn = await setReputationPolicy(
      client,
      await getTenant(client, params.tenantName),
      params.policy,
    );
    return { data: { tenantName: params.tenantName, policyArn } };
  },
  examplePayload: policyExample,
  outputSchema: outputSchemaFrom(policyExample.data),
});

const statusExample = { data: { tenantName: "acme-corp", sendingStatus: "DISABLED" } };

export const setTenantSendingStatus = action({
  display: {
    label: "Set Tenant Sending Status",
    description:
      "Pause (Disabled) or resume (Enabled, or Reinstated after SES paused it) an SES tenant's sending yourself, for example when a customer stops paying or after you fixed its list.",
  },
  inputs: { ...oneTenantInputs, sendingStatus: tenantSendingStatusInput, endpoint: endpointInput },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { UpdateReputationEntityCustomerManagedStatusCommand } = await import(
      "@aws-sdk/client-sesv2"
    );
    const client = await createSesV2Client(clientSettings(params));
    const { tenant } = await getTenant(client, params.tenantName);
    await client.send(
      new UpdateReputationEntityCustomerManagedStatusCommand({
        ReputationEntityType: "RESOURCE",
        ReputationEntityReference: tenant?.TenantArn,
        SendingStatus: params.sendingStatus,
      }),
    );
    return {
      data: { tenantName: params.tenantName, sendingStatus: params.sendingStatus as string },
    };
  },
  examplePayload: statusExample,
  outputSchema: outputSchemaFrom(statusExample.data),
});

const suppressionExample = {
  data: {
    tenantName: "acme-corp",
    scope: "TENANT" as string | null,
    reasons: ["BOUNCE", "COMPLAINT"],
  },
};

export const setTenantSuppression = action({
  display: {
    label: "Set Tenant Suppression",
    description:
      "Choose an SES tenant's suppression list (its own, or the account's) and what adds recipients to it.",
  },
  inputs: {
    ...oneTenantInputs,
    suppressionScope: suppressionScopeInput,
    suppressedReasons: tenantSuppressedReasonsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { PutTenantSuppressionAttributesCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new PutTenantSuppressionAttributesCommand({
        TenantName: params.tenantName,
        SuppressionScope: params.suppressionScope,
        SuppressedReasons: params.suppressedReasons,
      }),
    );
    return {
      data: {
        tenantName: params.tenantName,
        scope: (params.suppressionScope ?? null) as string | null,
        reasons: params.suppressedReasons as string[],
      },
    };
  },
  examplePayload: suppressionExample,
  outputSchema: outputSchemaFrom(suppressionExample.data),
});
