import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { existingReceiptFilterInput } from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = { data: { filterName: "block-spam-range", deleted: true } };

export const deleteReceiptFilter = action({
  display: {
    label: "Delete Receipt Filter",
    description: "Delete an IP address filter of incoming mail.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    filterName: existingReceiptFilterInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { DeleteReceiptFilterCommand } = await import("@aws-sdk/client-ses");
    await (await createSesClient(clientSettings(params))).send(
      new DeleteReceiptFilterCommand({ FilterName: params.filterName }),
    );
    return { data: { filterName: params.filterName, deleted: true } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
