import { action, component } from "@prismatic-io/spectral";

/**
 * The floor plus the AWS SDK's own first call: one action that lists SES identities with a bare
 * SESv2Client (loaded on first use, as the component loads it). The gap between this and the
 * floor is what the SDK costs any component on its first request; the gap between the
 * component's List Identities and this is the component's own.
 */
export default component({
  key: "floor-sdk",
  public: false,
  display: { label: "Floor + SDK", description: "One SES v2 call.", iconPath: "icon.png" },
  actions: {
    listIdentities: action({
      display: { label: "List Identities", description: "One ListEmailIdentities call." },
      inputs: {},
      perform: async (_context, params: Record<string, unknown>) => {
        const { ListEmailIdentitiesCommand, SESv2Client } = await import("@aws-sdk/client-sesv2");
        const client = new SESv2Client({
          region: "us-east-1",
          endpoint: String(params.endpoint),
          credentials: { accessKeyId: "AKIACOLDSTART0000001", secretAccessKey: "local-not-real" },
        });
        const page = await client.send(new ListEmailIdentitiesCommand({ PageSize: 20 }));
        return { data: { identities: page.EmailIdentities ?? [] } };
      },
    }),
  },
});
