import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  receiptFilterCidrInput,
  receiptFilterNameInput,
  receiptFilterPolicyInput,
} from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: { filterName: "block-spam-range", cidr: "203.0.113.0/24", policy: "Block" },
};

export const createReceiptFilter = action({
  display: {
    label: "Create Receipt Filter",
    description:
      "Block (or always allow) incoming mail from an IPv4 address or range, for the whole region.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    filterName: receiptFilterNameInput,
    cidr: receiptFilterCidrInput,
    policy: receiptFilterPolicyInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CreateReceiptFilterCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new CreateReceiptFilterCommand({
        Filter: { Name: params.filterName, IpFilter: { Cidr: params.cidr, Policy: params.policy } },
      }),
    );
    return {
      data: { filterName: params.filterName, cidr: params.cidr, policy: params.policy as string },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
