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
import {
  describeVerificationTemplate,
  EXAMPLE_VERIFICATION_TEMPLATE,
} from "./verificationTemplate";

const examplePayload = {
  data: {
    templates: [{ ...EXAMPLE_VERIFICATION_TEMPLATE, htmlContent: null }],
    nextToken: null as string | null,
  },
};

export const listCustomVerificationEmailTemplates = action({
  display: {
    label: "List Custom Verification Templates",
    description: "List the custom verification email templates of this region.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    fetchAll: fetchAllInput,
    pageSize: pageSizeInput(50, 50),
    nextToken: nextTokenInput,
    endpoint: endpointInput,
  },
  performSafety: "safe",
  perform: async (_context, params) => {
    const {
      ListCustomVerificationEmailTemplatesCommand,
      paginateListCustomVerificationEmailTemplates,
    } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const { items, nextToken } = await onePageOrAll({
      fetchAll: params.fetchAll,
      allPages: () => paginateListCustomVerificationEmailTemplates({ client, pageSize: 50 }, {}),
      onePage: () =>
        client.send(
          new ListCustomVerificationEmailTemplatesCommand({
            PageSize: params.pageSize,
            NextToken: params.nextToken,
          }),
        ),
      itemsOf: (page) => page.CustomVerificationEmailTemplates,
      nextTokenOf: (page) => page.NextToken,
    });
    return { data: { templates: items.map(describeVerificationTemplate), nextToken } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
