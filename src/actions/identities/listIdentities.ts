import type { IdentityInfo } from "@aws-sdk/client-sesv2";
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
import { type IdentityTypeFilter, identityTypeInput } from "../../inputs/identities";

export interface IdentitySummary {
  name: string;
  type: string;
  verificationStatus: string;
  sendingEnabled: boolean;
}

function summarize(identity: IdentityInfo): IdentitySummary {
  return {
    name: identity.IdentityName ?? "",
    type: identity.IdentityType ?? "",
    verificationStatus: identity.VerificationStatus ?? "",
    sendingEnabled: identity.SendingEnabled ?? false,
  };
}

function matches(filter: IdentityTypeFilter, identity: IdentitySummary): boolean {
  if (filter === "ALL") return true;
  if (filter === "DOMAIN") return identity.type === "DOMAIN" || identity.type === "MANAGED_DOMAIN";
  return identity.type === filter;
}

export const listIdentities = action({
  display: {
    label: "List Identities",
    description:
      "List the email addresses and domains of this SES region, with their verification status and whether they can send.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identityType: identityTypeInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(1000, 100),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListEmailIdentitiesCommand, paginateListEmailIdentities } = await import(
      "@aws-sdk/client-sesv2"
    );
    const client = await createSesV2Client(clientSettings(params));
    const keep = (identities: IdentityInfo[] | undefined) =>
      (identities ?? [])
        .map(summarize)
        .filter((identity) => matches(params.identityType, identity));

    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListEmailIdentities({ client, pageSize: 1000 }, {}),
      onePage: () =>
        client.send(
          new ListEmailIdentitiesCommand({
            PageSize: params.pageSize,
            NextToken: params.nextToken,
          }),
        ),
      itemsOf: (page) => page.EmailIdentities,
      nextTokenOf: (page) => page.NextToken,
    });
    return { data: { identities: keep(items), nextToken } };
  },
  examplePayload: {
    data: {
      identities: [
        {
          name: "example.com",
          type: "DOMAIN",
          verificationStatus: "SUCCESS",
          sendingEnabled: true,
        },
        {
          name: "support@example.org",
          type: "EMAIL_ADDRESS",
          verificationStatus: "PENDING",
          sendingEnabled: false,
        },
      ],
      nextToken: null,
    },
  },
  outputSchema: {
    type: "actionOutput",
    schema: {
      type: "object",
      properties: {
        identities: {
          type: "array",
          items: {
            type: "object",
            properties: {
              name: { type: "string", description: "The email address or domain." },
              type: {
                type: "string",
                enum: ["EMAIL_ADDRESS", "DOMAIN", "MANAGED_DOMAIN"],
              },
              verificationStatus: {
                type: "string",
                enum: ["PENDING", "SUCCESS", "FAILED", "TEMPORARY_FAILURE", "NOT_STARTED"],
              },
              sendingEnabled: { type: "boolean" },
            },
          },
        },
        nextToken: {
          type: ["string", "null"],
          description: "Pass to Next Token to fetch the next page; null on the last page.",
        },
      },
    },
  },
});
