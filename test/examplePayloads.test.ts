import {
  CreateEmailIdentityCommand,
  type DkimAttributes,
  GetAccountCommand,
  GetEmailIdentityCommand,
  GetEmailTemplateCommand,
  GetSuppressedDestinationCommand,
  ListConfigurationSetsCommand,
  ListEmailIdentitiesCommand,
  ListEmailTemplatesCommand,
  ListSuppressedDestinationsCommand,
  SESv2Client,
  SendBulkEmailCommand,
  SendEmailCommand,
  TestRenderEmailTemplateCommand,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, EMPTY_SEND_LISTS, harness } from "./helpers/component";
import { shapeOf } from "./helpers/shapeOf";

const ses = mockClient(SESv2Client);
const when = new Date("2026-11-20T08:31:12Z");
beforeAll(() => {
  ses.onAnyCommand().resolves({});
  ses.on(SendEmailCommand).resolves({ MessageId: "m-1" });
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
});

const base = { connection: accessKey, region: "us-east-1" };
const send = { ...EMPTY_SEND_LISTS, from: "a@example.com", to: ["b@example.com"] };
const PARAMS: Record<string, Record<string, unknown>> = {
  sendEmail: { ...send, subject: "S", textBody: "T" },
  sendTemplatedEmail: { ...send, templateName: "t" },
  sendBulkTemplatedEmail: {
    ...send,
    templateName: "t",
    destinations: ["b@example.com", "c@example.com"],
  },
  sendRawEmail: { ...send, rawMessage: "From: a@example.com\r\nTo: b@example.com\r\n\r\nhi" },
  createTemplate: { templateName: "t", subject: "S", textBody: "T", htmlBody: "H" },
  getTemplate: { templateName: "t" },
  updateTemplate: { templateName: "t", subject: "S", textBody: "T" },
  deleteTemplate: { templateName: "t" },
  listTemplates: {},
  testRenderTemplate: { templateName: "t", templateData: "{}" },
  listIdentities: {},
  createEmailIdentity: { identity: "example.com" },
  getEmailIdentity: { identity: "example.com" },
  deleteEmailIdentity: { identity: "example.com" },
  putSuppressedDestination: { emailAddress: "a@example.com", reason: "BOUNCE" },
  getSuppressedDestination: { emailAddress: "a@example.com" },
  listSuppressedDestinations: { reasons: [] },
  deleteSuppressedDestination: { emailAddress: "a@example.com" },
  getAccount: {},
  listConfigurationSets: {},
};

describe("example payloads", () => {
  it("cover every SES action (the S3 ones are checked against the S3 emulator)", () => {
    const inbound = ["fetchReceivedEmail", "listReceivedEmails", "deleteReceivedEmail"];
    expect([...Object.keys(PARAMS), ...inbound].sort()).toEqual(
      Object.keys(harness.component.actions).sort(),
    );
  });

  it.each(Object.keys(PARAMS))("%s returns what its examplePayload shows", async (key) => {
    const example = (harness.component.actions[key] as { examplePayload?: { data: unknown } })
      .examplePayload;
    const result = await harness.action(key, { ...base, ...PARAMS[key] });
    expect(shapeOf(dataOf(result))).toEqual(shapeOf(example?.data));
  });
});
