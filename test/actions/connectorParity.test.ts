import {
  CreateReceiptRuleCommand,
  DescribeActiveReceiptRuleSetCommand,
  ListReceiptRuleSetsCommand,
  SESClient,
} from "@aws-sdk/client-ses";
import {
  AlreadyExistsException,
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  CreateContactCommand,
  CreateContactListCommand,
  CreateCustomVerificationEmailTemplateCommand,
  CreateEmailIdentityPolicyCommand,
  GetContactCommand,
  GetEmailIdentityPoliciesCommand,
  ListContactsCommand,
  SESv2Client,
  SendCustomVerificationEmailCommand,
  UpdateEmailIdentityPolicyCommand,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness } from "../helpers/component";

const sesv2 = mockClient(SESv2Client);
const ses = mockClient(SESClient);
beforeEach(() => {
  sesv2.reset();
  ses.reset();
  sesv2.onAnyCommand().resolves({});
  ses.onAnyCommand().resolves({});
});
const run = (key: string, params: Record<string, unknown>) =>
  harness.action(key, { connection: accessKey, region: "us-east-1", ...params });
const POLICY = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::444455556666:root" },
      Action: "ses:SendEmail",
      Resource: "*",
    },
  ],
};

describe("identity policies", () => {
  it("Put creates a policy, and replaces one that exists", async () => {
    sesv2
      .on(CreateEmailIdentityPolicyCommand)
      .rejectsOnce(new AlreadyExistsException({ message: "exists", $metadata: {} }))
      .resolves({});
    const replaced = await run("putEmailIdentityPolicy", {
      identity: "example.com",
      policyName: "partner",
      policy: POLICY,
    });
    const expected = {
      EmailIdentity: "example.com",
      PolicyName: "partner",
      Policy: JSON.stringify(POLICY),
    };
    expect(sesv2.commandCalls(CreateEmailIdentityPolicyCommand)[0].args[0].input).toEqual(expected);
    expect(sesv2.commandCalls(UpdateEmailIdentityPolicyCommand)[0].args[0].input).toEqual(expected);
    expect(dataOf(replaced)).toEqual({
      identity: "example.com",
      policyName: "partner",
      created: false,
    });
    const created = await run("putEmailIdentityPolicy", {
      identity: "example.com",
      policyName: "partner",
      policy: JSON.stringify(POLICY),
    });
    expect(dataOf<{ created: boolean }>(created).created).toBe(true);
  });

  it("Get parses each policy and can pick one by name", async () => {
    sesv2
      .on(GetEmailIdentityPoliciesCommand)
      .resolves({ Policies: { partner: JSON.stringify(POLICY), other: "{}" } });
    const one = await run("getEmailIdentityPolicies", {
      identity: "example.com",
      policyName: "partner",
    });
    expect(dataOf(one)).toEqual({
      identity: "example.com",
      policies: [{ name: "partner", policy: POLICY }],
    });
    await expect(
      run("getEmailIdentityPolicies", { identity: "example.com", policyName: "missing" }),
    ).rejects.toThrow(/has no policy named "missing"/);
  });

  it.each([
    ["a policy that is not JSON", "{nope", /^Policy is not valid JSON/],
    ["a policy without statements", '{"Version": "2012-10-17"}', /non-empty "Statement" list/],
  ])("rejects %s before calling AWS", async (_case, policy, message) => {
    await expect(
      run("putEmailIdentityPolicy", { identity: "example.com", policyName: "p", policy }),
    ).rejects.toThrow(message);
    expect(sesv2.calls()).toHaveLength(0);
  });
});

describe("custom verification emails", () => {
  const template = {
    templateName: "welcome-verify",
    from: "welcome@example.com",
    subject: "Confirm your address",
    htmlContent: "<p>Welcome</p>",
    successUrl: "https://example.com/ok",
    failureUrl: "https://example.com/failed",
  };

  it("Create sends every field as SES names them", async () => {
    await run("createCustomVerificationEmailTemplate", template);
    expect(
      sesv2.commandCalls(CreateCustomVerificationEmailTemplateCommand)[0].args[0].input,
    ).toEqual({
      TemplateName: "welcome-verify",
      FromEmailAddress: "welcome@example.com",
      TemplateSubject: "Confirm your address",
      TemplateContent: "<p>Welcome</p>",
      SuccessRedirectionURL: "https://example.com/ok",
      FailureRedirectionURL: "https://example.com/failed",
    });
  });

  it("Send asks SES to verify the address with the template", async () => {
    sesv2.on(SendCustomVerificationEmailCommand).resolves({ MessageId: "v-1" });
    const result = await run("sendCustomVerificationEmail", {
      emailAddress: "new@example.org",
      templateName: "welcome-verify",
      configurationSet: "",
    });
    expect(sesv2.commandCalls(SendCustomVerificationEmailCommand)[0].args[0].input).toEqual({
      EmailAddress: "new@example.org",
      TemplateName: "welcome-verify",
      ConfigurationSetName: undefined,
    });
    expect(dataOf(result)).toEqual({ emailAddress: "new@example.org", messageId: "v-1" });
  });

  it("rejects a redirect that is not http(s) before calling AWS", async () => {
    await expect(
      run("createCustomVerificationEmailTemplate", {
        ...template,
        successUrl: "javascript:alert(1)",
      }),
    ).rejects.toThrow(/Success Redirect URL must be an http\(s\) URL/);
    expect(sesv2.calls()).toHaveLength(0);
  });
});

describe("contact lists and contacts", () => {
  it("Create Contact List sends its topics", async () => {
    await run("createContactList", {
      contactList: "newsletter",
      description: "Product news",
      topics: [
        { name: "weekly-digest", displayName: "Weekly digest" },
        { name: "offers", displayName: "Offers", defaultSubscription: "OPT_OUT" },
      ],
    });
    expect(sesv2.commandCalls(CreateContactListCommand)[0].args[0].input).toEqual({
      ContactListName: "newsletter",
      Description: "Product news",
      Topics: [
        {
          TopicName: "weekly-digest",
          DisplayName: "Weekly digest",
          Description: undefined,
          DefaultSubscriptionStatus: "OPT_IN",
        },
        {
          TopicName: "offers",
          DisplayName: "Offers",
          Description: undefined,
          DefaultSubscriptionStatus: "OPT_OUT",
        },
      ],
    });
  });

  it("Create Contact sends preferences and attributes; Get reads them back", async () => {
    await run("createContact", {
      contactList: "newsletter",
      emailAddress: "jane@example.org",
      topicPreferences: [{ key: "weekly-digest", value: "opt_in" }],
      unsubscribeAll: "false",
      attributes: { firstName: "Jane" },
    });
    expect(sesv2.commandCalls(CreateContactCommand)[0].args[0].input).toEqual({
      ContactListName: "newsletter",
      EmailAddress: "jane@example.org",
      TopicPreferences: [{ TopicName: "weekly-digest", SubscriptionStatus: "OPT_IN" }],
      UnsubscribeAll: false,
      AttributesData: '{"firstName":"Jane"}',
    });
    sesv2.on(GetContactCommand).resolves({
      EmailAddress: "jane@example.org",
      TopicPreferences: [{ TopicName: "weekly-digest", SubscriptionStatus: "OPT_OUT" }],
      TopicDefaultPreferences: [{ TopicName: "weekly-digest", SubscriptionStatus: "OPT_IN" }],
      AttributesData: '{"firstName":"Jane"}',
    });
    const contact = await run("getContact", {
      contactList: "newsletter",
      emailAddress: "jane@example.org",
    });
    expect(dataOf(contact)).toMatchObject({
      topicPreferences: { "weekly-digest": "OPT_OUT" },
      topicDefaults: { "weekly-digest": "OPT_IN" },
      attributes: { firstName: "Jane" },
    });
  });

  it("List Contacts filters by status and topic", async () => {
    await run("listContacts", {
      contactList: "newsletter",
      subscriptionStatus: "OPT_OUT",
      topic: "offers",
    });
    expect(sesv2.commandCalls(ListContactsCommand)[0].args[0].input).toEqual({
      ContactListName: "newsletter",
      Filter: {
        FilteredStatus: "OPT_OUT",
        TopicFilter: { TopicName: "offers", UseDefaultIfPreferenceUnavailable: true },
      },
      PageSize: 100,
      NextToken: undefined,
    });
  });

  it.each([
    [
      "createContactList",
      { contactList: "news letter" },
      /Contact List Name "news letter"|Contact List "news letter"/,
    ],
    [
      "createContactList",
      { contactList: "n", topics: '[{"name": "t", "defaultSubscription": "MAYBE"}]' },
      /Topics\[0\]\.defaultSubscription must be OPT_IN or OPT_OUT/,
    ],
    [
      "createContact",
      {
        contactList: "n",
        emailAddress: "jane@example.org",
        topicPreferences: [{ key: "t", value: "yes" }],
      },
      /Topic Preferences "t" must be OPT_IN or OPT_OUT/,
    ],
    [
      "createContact",
      {
        contactList: "n",
        emailAddress: "jane@example.org",
        topicPreferences: [],
        attributes: "[1]",
      },
      /Attributes must be a JSON object/,
    ],
    [
      "listContacts",
      { contactList: "n", topic: "offers" },
      /Topic filters by a Subscription Status/,
    ],
  ])("%s rejects bad input before calling AWS (%#)", async (key, params, message) => {
    await expect(run(key, params)).rejects.toThrow(message);
    expect(sesv2.calls()).toHaveLength(0);
  });
});

describe("configuration sets and event destinations", () => {
  it("Create Configuration Set sends its options", async () => {
    await run("createConfigurationSet", {
      configurationSet: "transactional",
      requireTls: "true",
      reputationMetrics: "true",
      suppressOn: ["bounce"],
      customTrackingDomain: "track.example.com",
    });
    expect(sesv2.commandCalls(CreateConfigurationSetCommand)[0].args[0].input).toEqual({
      ConfigurationSetName: "transactional",
      DeliveryOptions: { TlsPolicy: "REQUIRE" },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ["BOUNCE"] },
      TrackingOptions: { CustomRedirectDomain: "track.example.com" },
    });
  });

  it("Create Event Destination publishes the chosen events to the topic", async () => {
    await run("createEventDestination", {
      configurationSet: "transactional",
      eventDestination: "to-prismatic",
      eventTypes: ["bounce", "Delivery Delay", "OPEN"],
      snsTopicArn: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
    });
    expect(
      sesv2.commandCalls(CreateConfigurationSetEventDestinationCommand)[0].args[0].input,
    ).toEqual({
      ConfigurationSetName: "transactional",
      EventDestinationName: "to-prismatic",
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ["BOUNCE", "DELIVERY_DELAY", "OPEN"],
        SnsDestination: { TopicArn: "arn:aws:sns:us-east-1:111122223333:ses-notifications" },
      },
    });
  });

  it("rejects an unknown event type before calling AWS", async () => {
    await expect(
      run("createEventDestination", {
        configurationSet: "t",
        eventDestination: "d",
        eventTypes: ["OPENED"],
        snsTopicArn: "arn:aws:sns:us-east-1:111122223333:t",
      }),
    ).rejects.toThrow(/Event Types: "OPENED" is not one of/);
    expect(sesv2.calls()).toHaveLength(0);
  });
});

describe("receipt rules (SES v1)", () => {
  it("Create Receipt Rule stores mail in S3 with the KMS key and notifies the topic", async () => {
    const result = await run("createReceiptRule", {
      ruleSet: "default-rule-set",
      ruleName: "store-inbound",
      recipients: ["orders@inbound.example.com"],
      bucket: "inbound-mail",
      prefix: "inbound/",
      kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
      scanEnabled: "true",
      requireTls: "false",
    });
    expect(ses.commandCalls(CreateReceiptRuleCommand)[0].args[0].input).toEqual({
      RuleSetName: "default-rule-set",
      Rule: {
        Name: "store-inbound",
        Enabled: true,
        Recipients: ["orders@inbound.example.com"],
        ScanEnabled: true,
        TlsPolicy: "Optional",
        Actions: [
          {
            S3Action: {
              BucketName: "inbound-mail",
              ObjectKeyPrefix: "inbound/",
              KmsKeyArn:
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
              TopicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
            },
          },
        ],
      },
    });
    expect(dataOf(result)).toMatchObject({ encrypted: true, bucket: "inbound-mail" });
  });

  it("Describe Active Receipt Rule Set lists each rule's S3 action", async () => {
    ses.on(DescribeActiveReceiptRuleSetCommand).resolves({
      Metadata: { Name: "default-rule-set" },
      Rules: [
        {
          Name: "r",
          Enabled: true,
          Recipients: ["a.example"],
          Actions: [
            { S3Action: { BucketName: "b", ObjectKeyPrefix: "p/" } },
            { StopAction: { Scope: "RuleSet" } },
          ],
        },
      ],
    });
    const result = await run("describeActiveReceiptRuleSet", {});
    expect(dataOf<{ rules: { actions: unknown[] }[] }>(result).rules[0].actions).toEqual([
      { type: "S3", bucket: "b", prefix: "p/", kmsKeyArn: null, topicArn: null },
      { type: "Stop", bucket: null, prefix: null, kmsKeyArn: null, topicArn: null },
    ]);
  });

  it("List Receipt Rule Sets pages with the token", async () => {
    ses
      .on(ListReceiptRuleSetsCommand)
      .resolves({ RuleSets: [{ Name: "default-rule-set" }], NextToken: "n" });
    expect(dataOf(await run("listReceiptRuleSets", { nextToken: "m" }))).toEqual({
      ruleSets: [{ name: "default-rule-set", createdAt: null }],
      nextToken: "n",
    });
    expect(ses.commandCalls(ListReceiptRuleSetsCommand)[0].args[0].input).toEqual({
      NextToken: "m",
    });
  });

  it.each([
    [
      { ruleSet: "s", ruleName: "r", bucket: "Bad_Bucket" },
      /S3 Bucket "Bad_Bucket" is not an S3 bucket name/,
    ],
    [
      { ruleSet: "s", ruleName: "r", bucket: "b-ok", kmsKeyArn: "key-1" },
      /KMS Key ARN "key-1" is not a KMS key/,
    ],
    [
      { ruleSet: "s", ruleName: "r", bucket: "b-ok", topicArn: "arn:aws:sqs:us-east-1:1:q" },
      /Notify SNS Topic .* is not an SNS topic ARN/,
    ],
  ])("Create Receipt Rule rejects bad input before calling AWS (%#)", async (params, message) => {
    await expect(run("createReceiptRule", { recipients: [], ...params })).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});
