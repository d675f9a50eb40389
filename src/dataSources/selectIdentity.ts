import { dataSource } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../aws/clients";
import { collectPages } from "../aws/paging";
import { connectionInput, endpointInput, regionInput } from "../inputs/common";

export const selectIdentity = dataSource({
  display: {
    label: "Select Sending Identity",
    description:
      "Pick a verified email address or domain of a region that can send (for a sender config variable, say).",
  },
  dataSourceType: "picklist",
  inputs: { connection: connectionInput, region: regionInput, endpoint: endpointInput },
  // AWS errors are thrown, never shown as an empty list.
  perform: async (_context, params) => {
    const { paginateListEmailIdentities } = await import("@aws-sdk/client-sesv2");
    const client = await createSesV2Client(clientSettings(params));
    const identities = await collectPages(
      paginateListEmailIdentities({ client, pageSize: 1000 }, {}),
      (page) => page.EmailIdentities,
    );
    const verified = identities.filter(
      (identity) => identity.SendingEnabled && identity.VerificationStatus === "SUCCESS",
    );
    return {
      result: verified
        .map((identity) => identity.IdentityName ?? "")
        .filter(Boolean)
        .sort()
        .map((name) => ({ key: name, label: name })),
    };
  },
  examplePayload: {
    result: [
      { key: "example.com", label: "example.com" },
      { key: "support@example.org", label: "support@example.org" },
    ],
  },
});
