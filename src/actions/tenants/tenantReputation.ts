import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  reputationPolicyInput,
  suppressionScopeInput,
  tenantNameInput,
  tenantSendingStatusInput,
  tenantSuppressedReasonsInput,
} from "../../inputs/tenants";
import { reputationPolicyArn } from "../../values/sesArn";
import { outputSchemaFrom } from "../outputSchema";
import { getTenant } from "./tenantOutput";

const tenantInputs = {
  connection: connectionInput,
  region: regionInput,
  tenantName: tenantNameInput,
};

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
  inputs: { ...tenantInputs, policy: reputationPolicyInput, endpoint: endpointInput },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { UpdateReputationEntityPolicyCommand } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const { tenant, parts } = await getTenant(client, params.tenantName);
    const policyArn = reputationPolicyArn(parts, params.policy);
    await client.send(
      new UpdateReputationEntityPolicyCommand({
        ReputationEntityType: "RESOURCE",
        ReputationEntityReference: tenant?.TenantArn,
        ReputationEntityPolicy: policyArn,
      }),
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
  inputs: { ...tenantInputs, sendingStatus: tenantSendingStatusInput, endpoint: endpointInput },
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
    ...tenantInputs,
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
