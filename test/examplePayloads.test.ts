import {
  DescribeActiveReceiptRuleSetCommand,
  DescribeReceiptRuleCommand,
  DescribeReceiptRuleSetCommand,
  ListReceiptFiltersCommand,
  ListReceiptRuleSetsCommand,
  SESClient,
} from "@aws-sdk/client-ses";
import {
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  type DkimAttributes,
  GetAccountCommand,
  GetConfigurationSetCommand,
  GetConfigurationSetEventDestinationsCommand,
  GetContactCommand,
  GetContactListCommand,
  GetCustomVerificationEmailTemplateCommand,
  GetEmailIdentityCommand,
  GetEmailIdentityPoliciesCommand,
  GetEmailTemplateCommand,
  GetReputationEntityCommand,
  GetSuppressedDestinationCommand,
  GetTenantCommand,
  ListConfigurationSetsCommand,
  ListContactListsCommand,
  ListContactsCommand,
  ListCustomVerificationEmailTemplatesCommand,
  ListEmailIdentitiesCommand,
  ListEmailTemplatesCommand,
  ListResourceTenantsCommand,
  ListSuppressedDestinationsCommand,
  ListTenantResourcesCommand,
  ListTenantsCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
  SESv2Client,
  SendBulkEmailCommand,
  SendCustomVerificationEmailCommand,
  SendEmailCommand,
  TestRenderEmailTemplateCommand,
} from "@aws-sdk/client-sesv2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { ACTION_PARAMS } from "./helpers/actionParams";
import { accessKey, dataOf, harness } from "./helpers/component";
import { shapeOf } from "./helpers/shapeOf";

const ses = mockClient(SESv2Client);
const sesV1 = mockClient(SESClient);
const sts = mockClient(STSClient);
const when = new Date("2026-11-20T08:31:12Z");
beforeAll(() => {
  sesV1.onAnyCommand().resolves({});
  sesV1
    .on(ListReceiptRuleSetsCommand)
    .resolves({ RuleSets: [{ Name: "default-rule-set", CreatedTimestamp: when }] });
  const storeRule = {
    Name: "store-inbound",
    Enabled: true,
    Recipients: ["a@example.com"],
    ScanEnabled: true,
    TlsPolicy: "Optional" as const,
    Actions: [
      { S3Action: { BucketName: "b", ObjectKeyPrefix: "p/", KmsKeyArn: "k", TopicArn: "t" } },
    ],
  };
  sesV1.on(DescribeReceiptRuleSetCommand).resolves({
    Metadata: { Name: "s", CreatedTimestamp: when },
    Rules: [storeRule],
  });
  sesV1.on(DescribeReceiptRuleCommand).resolves({ Rule: storeRule });
  sesV1.on(ListReceiptFiltersCommand).resolves({
    Filters: [{ Name: "f", IpFilter: { Cidr: "203.0.113.0/24", Policy: "Block" } }],
  });
  sesV1.on(DescribeActiveReceiptRuleSetCommand).resolves({
    Metadata: { Name: "default-rule-set" },
    Rules: [
      {
        Name: "store-inbound",
        Enabled: true,
        Recipients: ["a@example.com"],
        ScanEnabled: true,
        TlsPolicy: "Optional",
        Actions: [
          { S3Action: { BucketName: "b", ObjectKeyPrefix: "p/", KmsKeyArn: "k", TopicArn: "t" } },
        ],
      },
    ],
  });
  ses.onAnyCommand().resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: "m-1" });
  ses.on(GetConfigurationSetCommand).resolves({
    ConfigurationSetName: "cs",
    SendingOptions: { SendingEnabled: true },
    TrackingOptions: { CustomRedirectDomain: "t.example.com", HttpsPolicy: "REQUIRE" },
    DeliveryOptions: { TlsPolicy: "REQUIRE", SendingPoolName: "p", MaxDeliverySeconds: 600 },
    ReputationOptions: { ReputationMetricsEnabled: true, LastFreshStart: when },
    SuppressionOptions: { SuppressedReasons: ["BOUNCE"] },
    Tags: [{ Key: "tenant", Value: "v" }], // tags are a free-form map: same key as the example
  });
  ses
    .on(PutEmailIdentityDkimSigningAttributesCommand)
    .resolves({ DkimStatus: "PENDING", DkimTokens: ["t1", "t2", "t3"] });
  ses.on(GetAccountCommand).resolves({
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    EnforcementStatus: "HEALTHY",
    SendQuota: { Max24HourSend: 100, MaxSendRate: 500, SentLast24Hours: 1 },
    SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] },
    DedicatedIpAutoWarmupEnabled: false,
  });
  ses.on(SendBulkEmailCommand).callsFake((input) => ({
    BulkEmailEntryResults: input.BulkEmailEntries.map(() => ({
      Status: "SUCCESS",
      MessageId: "b-1",
    })),
  }));
  ses.on(ListEmailIdentitiesCommand).resolves({
    EmailIdentities: [
      {
        IdentityName: "example.com",
        IdentityType: "DOMAIN",
        VerificationStatus: "SUCCESS",
        SendingEnabled: true,
      },
    ],
    NextToken: "n",
  });
  ses
    .on(ListEmailTemplatesCommand)
    .resolves({ TemplatesMetadata: [{ TemplateName: "t", CreatedTimestamp: when }] });
  ses
    .on(GetEmailTemplateCommand)
    .resolves({ TemplateName: "t", TemplateContent: { Subject: "S", Text: "T", Html: "H" } });
  ses.on(TestRenderEmailTemplateCommand).resolves({
    RenderedTemplate: "Subject: S\r\nContent-Type: text/plain\r\n\r\nT\r\n",
  });
  const dkim: DkimAttributes = {
    SigningEnabled: true,
    Status: "PENDING",
    SigningAttributesOrigin: "AWS_SES",
    Tokens: ["k1"],
  } as const;
  ses
    .on(CreateEmailIdentityCommand)
    .resolves({ IdentityType: "DOMAIN", VerifiedForSendingStatus: false, DkimAttributes: dkim });
  ses.on(GetEmailIdentityCommand).resolves({
    IdentityType: "DOMAIN",
    VerificationStatus: "SUCCESS",
    VerifiedForSendingStatus: true,
    FeedbackForwardingStatus: true,
    DkimAttributes: dkim,
    MailFromAttributes: {
      MailFromDomain: "m.example.com",
      MailFromDomainStatus: "SUCCESS",
      BehaviorOnMxFailure: "USE_DEFAULT_VALUE",
    },
    ConfigurationSetName: "cs",
    Policies: { p: "{}" },
    Tags: [{ Key: "team", Value: "v" }], // tags are a free-form map: same key as the example
  });
  const suppressed = {
    EmailAddress: "a@example.com",
    Reason: "BOUNCE",
    LastUpdateTime: when,
  } as const;
  ses.on(GetSuppressedDestinationCommand).resolves({
    SuppressedDestination: { ...suppressed, Attributes: { MessageId: "m", FeedbackId: "f" } },
  });
  ses
    .on(ListSuppressedDestinationsCommand)
    .resolves({ SuppressedDestinationSummaries: [suppressed] });
  ses.on(ListConfigurationSetsCommand).resolves({ ConfigurationSets: ["cs"] });
  const verification = {
    TemplateName: "t",
    FromEmailAddress: "a@example.com",
    TemplateSubject: "S",
    SuccessRedirectionURL: "https://e/ok",
    FailureRedirectionURL: "https://e/no",
  };
  ses
    .on(GetCustomVerificationEmailTemplateCommand)
    .resolves({ ...verification, TemplateContent: "<p>x</p>" });
  ses
    .on(ListCustomVerificationEmailTemplatesCommand)
    .resolves({ CustomVerificationEmailTemplates: [verification] });
  ses.on(SendCustomVerificationEmailCommand).resolves({ MessageId: "v-1" });
  // A policy is free-form JSON: mock the example's own document.
  const examplePolicy = (
    harness.component.actions.getEmailIdentityPolicies as {
      examplePayload?: { data: { policies: { policy: unknown }[] } };
    }
  ).examplePayload?.data.policies[0].policy;
  ses
    .on(GetEmailIdentityPoliciesCommand)
    .resolves({ Policies: { p: JSON.stringify(examplePolicy) } });
  const topics = [
    {
      TopicName: "weekly-digest",
      DisplayName: "Weekly",
      DefaultSubscriptionStatus: "OPT_IN" as const,
    },
  ];
  ses.on(GetContactListCommand).resolves({
    ContactListName: "newsletter",
    Description: "d",
    Topics: topics,
    CreatedTimestamp: when,
    LastUpdatedTimestamp: when,
  });
  ses
    .on(ListContactListsCommand)
    .resolves({ ContactLists: [{ ContactListName: "newsletter", LastUpdatedTimestamp: when }] });
  const preferences = [{ TopicName: "weekly-digest", SubscriptionStatus: "OPT_IN" as const }];
  ses.on(GetContactCommand).resolves({
    EmailAddress: "a@example.com",
    TopicPreferences: preferences,
    TopicDefaultPreferences: preferences,
    AttributesData: '{"firstName":"Jane"}',
    LastUpdatedTimestamp: when,
  });
  ses.on(ListContactsCommand).resolves({
    Contacts: [
      {
        EmailAddress: "a@example.com",
        TopicPreferences: preferences,
        UnsubscribeAll: false,
        LastUpdatedTimestamp: when,
      },
    ],
  });
  const tenant = {
    TenantName: "acme-corp",
    TenantId: "tn-1",
    TenantArn: "arn:aws:ses:us-east-1:111122223333:tenant/acme-corp/tn-1",
    CreatedTimestamp: when,
    SendingStatus: "ENABLED" as const,
    Tags: [{ Key: "customer", Value: "acme" }], // a free-form map: same key as the example
    SuppressionAttributes: {
      SuppressionScope: "TENANT" as const,
      SuppressedReasons: ["BOUNCE" as const],
    },
  };
  ses.on(GetTenantCommand).resolves({ Tenant: tenant });
  ses.on(CreateTenantCommand).resolves(tenant);
  ses.on(ListTenantsCommand).resolves({ Tenants: [tenant] });
  ses.on(ListTenantResourcesCommand).resolves({
    TenantResources: [
      {
        ResourceType: "EMAIL_IDENTITY",
        ResourceArn: "arn:aws:ses:us-east-1:111122223333:identity/x",
      },
    ],
  });
  ses.on(ListResourceTenantsCommand).resolves({
    ResourceTenants: [
      { TenantName: "acme-corp", TenantId: "tn-1", ResourceArn: "r", AssociatedTimestamp: when },
    ],
  });
  const record = { Status: "ENABLED" as const, Cause: "c", LastUpdatedTimestamp: when };
  ses.on(GetReputationEntityCommand).resolves({
    ReputationEntity: {
      ReputationManagementPolicy: "arn:aws:ses:us-east-1:aws:reputation-policy/standard",
      ReputationImpact: "LOW",
      SendingStatusAggregate: "ENABLED",
      CustomerManagedStatus: record,
      AwsSesManagedStatus: record,
    },
  });
  sts.on(GetCallerIdentityCommand).resolves({
    Account: "111122223333",
    Arn: "arn:aws:iam::111122223333:user/ci",
  });
  ses.on(GetConfigurationSetEventDestinationsCommand).resolves({
    EventDestinations: [
      {
        Name: "d",
        Enabled: true,
        MatchingEventTypes: ["BOUNCE"],
        SnsDestination: { TopicArn: "arn:aws:sns:us-east-1:1:t" },
      },
    ],
  });
});

const base = { connection: accessKey, region: "us-east-1" };

describe("example payloads", () => {
  it("cover every SES action (the S3 ones are checked against the S3 emulator, the SQS ones in test/queue)", () => {
    const inbound = ["fetchReceivedEmail", "listReceivedEmails", "deleteReceivedEmail"];
    const queue = ["acknowledgeSesEvents", "redriveDeadLetterQueue"];
    expect([...Object.keys(ACTION_PARAMS), ...inbound, ...queue].sort()).toEqual(
      Object.keys(harness.component.actions).sort(),
    );
  });

  it.each(Object.keys(ACTION_PARAMS))("%s returns what its examplePayload shows", async (key) => {
    const example = (harness.component.actions[key] as { examplePayload?: { data: unknown } })
      .examplePayload;
    const result = await harness.action(key, { ...base, ...ACTION_PARAMS[key] });
    expect(shapeOf(dataOf(result))).toEqual(shapeOf(example?.data));
  });
});
