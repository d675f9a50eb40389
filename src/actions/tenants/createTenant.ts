import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  newTenantNameInput,
  suppressionScopeInput,
  tenantSuppressedReasonsInput,
  tenantTagsInput,
} from "../../inputs/tenants";
import { outputSchemaFrom } from "../outputSchema";
import { exampleTenant, tenantOutput, tenantSuppression } from "./tenantOutput";

const examplePayload = { data: exampleTenant };

export const createTenant = action({
  display: {
    label: "Create Tenant",
    description:
      "Create an SES tenant: a container of identities, configuration sets and templates with its own reputation and sending status, so one customer's bounces and complaints never pause the others'. To make a tenant ready to send in one step, use Onboard Tenant.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    tenantName: { ...newTenantNameInput, comments: "The new tenant's name, unique in the region." },
    tags: tenantTagsInput,
    suppressionScope: suppressionScopeInput,
    suppressedReasons: tenantSuppressedReasonsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CreateTenantCommand } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const created = await client.send(
      new CreateTenantCommand({
        TenantName: params.tenantName,
        Tags: params.tags.length ? params.tags : undefined,
        SuppressionAttributes: tenantSuppression(params),
      }),
    );
    return { data: tenantOutput(created) };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
