import type { ListSuppressedDestinationsCommandInput } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { onePageOrAll } from "../../aws/paging";
import {
  connectionInput,
  endpointInput,
  fetchAllInput,
  nextTokenInput,
  pageSizeInput,
  regionInput,
} from "../../inputs/common";
import {
  endDateInput,
  startDateInput,
  suppressionReasonsFilterInput,
} from "../../inputs/suppression";
import { outputSchemaFrom } from "../outputSchema";
import { describeSuppressed } from "./describeSuppressed";

const examplePayload = {
  data: {
    suppressedDestinations: [
      {
        emailAddress: "bounced@example.com",
        reason: "BOUNCE",
        lastUpdated: "2026-11-20T08:31:12.000Z" as string | null,
        messageId: null as string | null,
        feedbackId: null as string | null,
      },
    ],
    nextToken: null as string | null,
  },
};

export const listSuppressedDestinations = action({
  display: {
    label: "List Suppressed Addresses",
    description: "List the account-level suppression list, by reason and date added.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    reasons: suppressionReasonsFilterInput,
    startDate: startDateInput,
    endDate: endDateInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(1000, 100),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListSuppressedDestinationsCommand, paginateListSuppressedDestinations } = await import(
      "@aws-sdk/client-sesv2"
    );
    if (params.startDate && params.endDate && params.startDate >= params.endDate) {
      throw new Error("Start Date must be before End Date.");
    }
    const filter: ListSuppressedDestinationsCommandInput = {
      Reasons: params.reasons.length ? params.reasons : undefined,
      StartDate: params.startDate,
      EndDate: params.endDate,
    };
    const client = await createSesV2Client(clientSettings(params));
    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListSuppressedDestinations({ client, pageSize: 1000 }, filter),
      onePage: () =>
        client.send(
          new ListSuppressedDestinationsCommand({
            ...filter,
            PageSize: params.pageSize,
            NextToken: params.nextToken,
          }),
        ),
      itemsOf: (page) => page.SuppressedDestinationSummaries,
      nextTokenOf: (page) => page.NextToken,
    });
    return { data: { suppressedDestinations: items.map(describeSuppressed), nextToken } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
