import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client, createStsClient } from "../../aws/clients";
import { collectPages } from "../../aws/paging";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { oneTenantInputs, resourceNameInput, resourceTypeInput } from "../../inputs/tenants";
import { resourceArn } from "../../values/sesArn";
import { outputSchemaFrom } from "../outputSchema";

const listExample = {
  data: {
    tenantName: "acme-corp",
    resources: [
      {
        type: "EMAIL_IDENTITY" as string | null,
        arn: "arn:aws:ses:us-east-1:111122223333:identity/acme.example.com",
      },
      {
        type: "CONFIGURATION_SET" as string | null,
        arn: "arn:aws:ses:us-east-1:111122223333:configuration-set/acme-transactional",
      },
    ],
  },
};

export const listTenantResources = action({
  display: {
    label: "List Tenant Resources",
    description:
      "List the identities, configuration sets and templates associated with an SES tenant.",
  },
  inputs: {
    ...oneTenantInputs,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { paginateListTenantResources } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const resources = await collectPages(
      paginateListTenantResources({ client, pageSize: 100 }, { TenantName: params.tenantName }),
      (page) => page.TenantResources,
    );
    return {
      data: {
        tenantName: params.tenantName,
        resources: resources.map((resource) => ({
          type: (resource.ResourceType ?? null) as string | null,
          arn: resource.ResourceArn ?? "",
        })),
      },
    };
  },
  examplePayload: listExample,
  outputSchema: outputSchemaFrom(listExample.data),
});

const tenantsExample = {
  data: {
    resourceArn: "arn:aws:ses:us-east-1:111122223333:identity/example.com",
    tenants: [
      {
        tenantName: "acme-corp",
        tenantId: "tn-2a8c678ec0000fdaf76cc1f127b40" as string | null,
        associatedAt: "2026-11-23T17:41:07.000Z" as string | null,
      },
    ],
  },
};

export const listResourceTenants = action({
  display: {
    label: "List Resource Tenants",
    description:
      "List the SES tenants an email identity, configuration set or template is associated with (a resource can serve several tenants).",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    resourceType: resourceTypeInput,
    resourceName: resourceNameInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { paginateListResourceTenants } = await import("@aws-sdk/client-sesv2");
    const { GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
    const settings = clientSettings(params);
    // The resource's ARN needs the account: STS says whose the connection is (no permission needed).
    const { Account, Arn } = await (
      await createStsClient({ ...settings, endpoint: undefined })
    ).send(new GetCallerIdentityCommand({}));
    const partition = Arn?.split(":")[1] || "aws";
    const arn = resourceArn(
      { partition, region: params.region, account: Account ?? "" },
      params.resourceType,
      params.resourceName,
    );
    const client = await createSesV2Client(settings);
    const tenants = await collectPages(
      paginateListResourceTenants({ client, pageSize: 100 }, { ResourceArn: arn }),
      (page) => page.ResourceTenants,
    );
    return {
      data: {
        resourceArn: arn,
        tenants: tenants.map((tenant) => ({
          tenantName: tenant.TenantName ?? "",
          tenantId: tenant.TenantId ?? null,
          associatedAt: tenant.AssociatedTimestamp?.toISOString() ?? null,
        })),
      },
    };
  },
  examplePayload: tenantsExample,
  outputSchema: outputSchemaFrom(tenantsExample.data),
});
