import {
  ListReceiptFiltersCommand,
  ListReceiptRuleSetsCommand,
  SESClient,
} from "@aws-sdk/client-ses";
import {
  GetContactListCommand,
  ListConfigurationSetsCommand,
  ListContactListsCommand,
  ListCustomVerificationEmailTemplatesCommand,
  ListDedicatedIpPoolsCommand,
  ListEmailIdentitiesCommand,
  ListEmailTemplatesCommand,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, harness } from "./helpers/component";

const ses = mockClient(SESv2Client);
const sesV1 = mockClient(SESClient);
beforeEach(() => {
  ses.reset();
  sesV1.reset();
});
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

  it("Select Contact List, Topic, Custom Verification Template and Receipt Rule Set list what AWS has", async () => {
    ses.on(ListContactListsCommand).resolves({ ContactLists: [{ ContactListName: "newsletter" }] });
    ses.on(GetContactListCommand, { ContactListName: "newsletter" }).resolves({
      Topics: [
        {
          TopicName: "weekly-digest",
          DisplayName: "Weekly digest",
          DefaultSubscriptionStatus: "OPT_IN",
        },
      ],
    });
    ses
      .on(ListCustomVerificationEmailTemplatesCommand)
      .resolves({ CustomVerificationEmailTemplates: [{ TemplateName: "welcome" }] });
    sesV1
      .on(ListReceiptRuleSetsCommand)
      .resolvesOnce({ RuleSets: [{ Name: "z-set" }], NextToken: "2" })
      .resolvesOnce({ RuleSets: [{ Name: "a-set" }] });
    expect((await harness.dataSource("selectContactList", base)).result).toEqual([
      { key: "newsletter", label: "newsletter" },
    ]);
    expect(
      (await harness.dataSource("selectContactListTopic", { ...base, contactList: "newsletter" }))
        .result,
    ).toEqual([{ key: "weekly-digest", label: "Weekly digest" }]);
    expect((await harness.dataSource("selectCustomVerificationTemplate", base)).result).toEqual([
      { key: "welcome", label: "welcome" },
    ]);
    expect((await harness.dataSource("selectReceiptRuleSet", base)).result).toEqual([
      { key: "a-set", label: "a-set" },
      { key: "z-set", label: "z-set" },
    ]);
  });

  it("Select Dedicated IP Pool pages through every pool; Select Receipt Filter shows each filter's range", async () => {
    ses
      .on(ListDedicatedIpPoolsCommand)
      .resolvesOnce({ DedicatedIpPools: ["z-pool"], NextToken: "2" })
      .resolvesOnce({ DedicatedIpPools: ["a-pool"] });
    sesV1.on(ListReceiptFiltersCommand).resolves({
      Filters: [
        { Name: "block-range", IpFilter: { Cidr: "203.0.113.0/24", Policy: "Block" } },
        { Name: "allow-partner", IpFilter: { Cidr: "198.51.100.7", Policy: "Allow" } },
      ],
    });
    expect((await harness.dataSource("selectDedicatedIpPool", base)).result).toEqual([
      { key: "a-pool", label: "a-pool" },
      { key: "z-pool", label: "z-pool" },
    ]);
    expect(ses.commandCalls(ListDedicatedIpPoolsCommand).map((c) => c.args[0].input)).toEqual([
      { NextToken: undefined, PageSize: 100 },
      { NextToken: "2", PageSize: 100 },
    ]);
    expect((await harness.dataSource("selectReceiptFilter", base)).result).toEqual([
      { key: "allow-partner", label: "allow-partner (Allow 198.51.100.7)" },
      { key: "block-range", label: "block-range (Block 203.0.113.0/24)" },
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
