import {
  ListCustomVerificationEmailTemplatesCommand,
  paginateListCustomVerificationEmailTemplates,
} from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { collectPages } from "../../aws/paging";
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
    const client = createSesV2Client(clientSettings(params));
    if (params.fetchAll) {
      const templates = await collectPages(
        paginateListCustomVerificationEmailTemplates({ client, pageSize: 50 }, {}),
        (page) => page.CustomVerificationEmailTemplates,
      );
      return { data: { templates: templates.map(describeVerificationTemplate), nextToken: null } };
    }
    const page = await client.send(
      new ListCustomVerificationEmailTemplatesCommand({
        PageSize: params.pageSize,
        NextToken: params.nextToken,
      }),
    );
    return {
      data: {
        templates: (page.CustomVerificationEmailTemplates ?? []).map(describeVerificationTemplate),
        nextToken: page.NextToken ?? null,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
