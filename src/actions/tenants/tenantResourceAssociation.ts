import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { endpointInput } from "../../inputs/common";
import { oneTenantInputs, resourceNameInput, resourceTypeInput } from "../../inputs/tenants";
import { resourceArn } from "../../values/sesArn";
import { outputSchemaFrom } from "../outputSchema";
import { getTenant } from "./tenantOutput";

const examplePayload = {
  data: {
    tenantName: "acme-corp",
    resourceArn: "arn:aws:ses:us-east-1:111122223333:identity/acme.example.com",
    associated: true,
  },
};

/** Associate Tenant Resource and Remove Tenant Resource: the same inputs, one call apart. */
function tenantResourceAction(associate: boolean) {
  return action({
    display: associate
      ? {
          label: "Associate Tenant Resource",
          description:
            "Associate an email identity, configuration set or template with an SES tenant: a send under the tenant may use only resources associated with it.",
        }
      : {
          label: "Remove Tenant Resource",
          description:
            "Remove an email identity, configuration set or template from an SES tenant; sends under the tenant can no longer use it.",
        },
    inputs: {
      ...oneTenantInputs,
      resourceType: resourceTypeInput,
      resourceName: resourceNameInput,
      endpoint: endpointInput,
    },
    performSafety: "notAllowed",
    perform: async (_context, params) => {
      const { CreateTenantResourceAssociationCommand, DeleteTenantResourceAssociationCommand } =
        await import("@aws-sdk/client-sesv2");
      const client = await createSesV2Client(clientSettings(params));
      // The tenant's ARN gives the partition, region and account of the resource's ARN.
      const { parts } = await getTenant(client, params.tenantName);
      const arn = resourceArn(parts, params.resourceType, params.resourceName);
      const request = { TenantName: params.tenantName, ResourceArn: arn };
      await client.send(
        associate
          ? new CreateTenantResourceAssociationCommand(request)
          : new DeleteTenantResourceAssociationCommand(request),
      );
      return { data: { tenantName: params.tenantName, resourceArn: arn, associated: associate } };
    },
    examplePayload,
    outputSchema: outputSchemaFrom(examplePayload.data),
  });
}

export const associateTenantResource = tenantResourceAction(true);
export const removeTenantResource = tenantResourceAction(false);
