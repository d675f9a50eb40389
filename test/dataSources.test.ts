import {
  ListConfigurationSetsCommand,
  ListEmailIdentitiesCommand,
  ListEmailTemplatesCommand,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, harness } from "./helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());
const base = { connection: accessKey, region: "us-east-1" };

describe("picklist data sources", () => {
  it("Select Sending Identity offers only verified identities that can send, sorted", async () => {
    ses.on(ListEmailIdentitiesCommand).resolves({
      EmailIdentities: [
        { IdentityName: "z.example.com", VerificationStatus: "SUCCESS", SendingEnabled: true },
        {
          IdentityName: "pending@example.com",
          VerificationStatus: "PENDING",
          SendingEnabled: false,
        },
        {
          IdentityName: "paused.example.com",
          VerificationStatus: "SUCCESS",
          SendingEnabled: false,
        },
        { IdentityName: "a@example.com", VerificationStatus: "SUCCESS", SendingEnabled: true },
      ],
    });
    const { result } = await harness.dataSource("selectIdentity", base);
    expect(result).toEqual([
      { key: "a@example.com", label: "a@example.com" },
      { key: "z.example.com", label: "z.example.com" },
    ]);
  });

  it("Select Template and Select Configuration Set list every page", async () => {
    ses
      .on(ListEmailTemplatesCommand)
      .resolvesOnce({ TemplatesMetadata: [{ TemplateName: "welcome" }], NextToken: "2" })
      .resolvesOnce({ TemplatesMetadata: [{ TemplateName: "receipt" }] });
    ses.on(ListConfigurationSetsCommand).resolves({ ConfigurationSets: ["transactional"] });
    expect((await harness.dataSource("selectTemplate", base)).result).toEqual([
      { key: "receipt", label: "receipt" },
      { key: "welcome", label: "welcome" },
    ]);
    expect((await harness.dataSource("selectConfigurationSet", base)).result).toEqual([
      { key: "transactional", label: "transactional" },
    ]);
  });

  it("surfaces an AWS error as an error with advice, never as an empty list", async () => {
    ses.on(ListEmailTemplatesCommand).rejects(
      Object.assign(new Error("User is not authorized to perform: ses:ListEmailTemplates"), {
        name: "AccessDeniedException",
        $metadata: { httpStatusCode: 403, requestId: "r-1" },
      }),
    );
    await expect(harness.dataSource("selectTemplate", base)).rejects.toThrow(
      /^AWS denied access\. .*\[AWS AccessDeniedException: User is not authorized to perform: ses:ListEmailTemplates; request ID r-1\]/,
    );
  });
});
