import type { EmailTemplateMetadata } from "@aws-sdk/client-sesv2";
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
import { outputSchemaFrom } from "../outputSchema";

const summarize = (template: EmailTemplateMetadata) => ({
  templateName: template.TemplateName ?? "",
  createdAt: template.CreatedTimestamp?.toISOString() ?? null,
});

const examplePayload = {
  data: {
    templates: [
      { templateName: "order-shipped", createdAt: "2026-11-02T09:14:03.000Z" },
      { templateName: "password-reset", createdAt: "2026-10-17T16:40:51.000Z" },
    ],
    nextToken: null as string | null,
  },
};

export const listTemplates = action({
  display: {
    label: "List Templates",
    description: "List the SES email templates of this region.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(100, 10),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const { ListEmailTemplatesCommand, paginateListEmailTemplates } = await import(
      "@aws-sdk/client-sesv2"
    );
    const client = await createSesV2Client(clientSettings(params));
    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListEmailTemplates({ client, pageSize: 100 }, {}),
      onePage: () =>
        client.send(
          new ListEmailTemplatesCommand({ PageSize: params.pageSize, NextToken: params.nextToken }),
        ),
      itemsOf: (page) => page.TemplatesMetadata,
      nextTokenOf: (page) => page.NextToken,
    });
    return { data: { templates: items.map(summarize), nextToken } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
