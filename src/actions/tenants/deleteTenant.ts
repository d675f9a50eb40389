import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { endpointInput } from "../../inputs/common";
import { oneTenantInputs } from "../../inputs/tenants";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { tenantName: "acme-corp", deleted: true } };

export const deleteTenant = action({
  display: {
    label: "Delete Tenant",
    description:
      "Delete an SES tenant and its resource associations (the identities, configuration sets and templates themselves stay). Sends naming it fail afterwards.",
  },
  inputs: {
    ...oneTenantInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteTenantCommand } = await import("@aws-sdk/client-sesv2");
    await (await createSesV2Client(clientSettings(params))).send(
      new DeleteTenantCommand({ TenantName: params.tenantName }),
    );
    return { data: { tenantName: params.tenantName, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
