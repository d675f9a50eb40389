import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListConfigurationSetsCommand,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness } from "../helpers/component";

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());
const base = { connection: accessKey, region: "us-east-2" };

describe("identity actions", () => {
  it("Create Email Identity puts a domain in punycode and returns the DKIM CNAMEs to publish", async () => {
    ses.on(CreateEmailIdentityCommand).resolves({
      IdentityType: "DOMAIN",
      VerifiedForSendingStatus: false,
      DkimAttributes: {
        SigningEnabled: true,
        Status: "PENDING",
        SigningAttributesOrigin: "AWS_SES",
        Tokens: ["tok1", "tok2"],
      },
    });
    const result = await harness.action("createEmailIdentity", {
      ...base,
      identity: "Bücher.Example",
      configurationSet: "",
    });
    expect(ses.commandCalls(CreateEmailIdentityCommand)[0].args[0].input).toEqual({
      EmailIdentity: "xn--bcher-kva.example",
      ConfigurationSetName: undefined,
    });
    expect(dataOf(result)).toEqual({
      identity: "xn--bcher-kva.example",
      identityType: "DOMAIN",
      verifiedForSending: false,
      dkim: {
        signingEnabled: true,
        status: "PENDING",
        tokens: ["tok1", "tok2"],
        dnsRecords: [
          {
            name: "tok1._domainkey.xn--bcher-kva.example",
            type: "CNAME",
            value: "tok1.dkim.amazonses.com",
          },
          {
            name: "tok2._domainkey.xn--bcher-kva.example",
            type: "CNAME",
            value: "tok2.dkim.amazonses.com",
          },
        ],
      },
    });
  });

  it("Get Email Identity flattens verification, DKIM, MAIL FROM, policies and tags", async () => {
    ses.on(GetEmailIdentityCommand, { EmailIdentity: "jane@example.com" }).resolves({
      IdentityType: "EMAIL_ADDRESS",
      VerificationStatus: "SUCCESS",
      VerifiedForSendingStatus: true,
      FeedbackForwardingStatus: false,
      DkimAttributes: {
        SigningEnabled: false,
        Status: "NOT_STARTED",
        SigningAttributesOrigin: "EXTERNAL",
        Tokens: [],
      },
      MailFromAttributes: {
        MailFromDomain: "bounce.example.com",
        MailFromDomainStatus: "SUCCESS",
        BehaviorOnMxFailure: "REJECT_MESSAGE",
      },
      Policies: { partner: "{}" },
      Tags: [{ Key: "team", Value: "billing" }],
    });
    const result = await harness.action("getEmailIdentity", {
      ...base,
      identity: "jane@example.com",
    });
    expect(dataOf(result)).toEqual({
      identity: "jane@example.com",
      identityType: "EMAIL_ADDRESS",
      verificationStatus: "SUCCESS",
      verifiedForSending: true,
      feedbackForwarding: false,
      dkim: { signingEnabled: false, status: "NOT_STARTED", tokens: [], dnsRecords: [] },
      mailFrom: {
        domain: "bounce.example.com",
        status: "SUCCESS",
        behaviorOnMxFailure: "REJECT_MESSAGE",
      },
      configurationSet: null,
      policyNames: ["partner"],
      tags: { team: "billing" },
    });
  });

  it("Delete Email Identity deletes it", async () => {
    ses.on(DeleteEmailIdentityCommand).resolves({});
    await harness.action("deleteEmailIdentity", { ...base, identity: "old.example.com" });
    expect(ses.commandCalls(DeleteEmailIdentityCommand)[0].args[0].input).toEqual({
      EmailIdentity: "old.example.com",
    });
  });

  it.each([
    [
      "createEmailIdentity",
      { identity: "not a domain" },
      /^Identity "not a domain" is neither an email address nor a domain name/,
    ],
    [
      "createEmailIdentity",
      { identity: "localhost" },
      /neither an email address nor a domain name/,
    ],
    ["getEmailIdentity", { identity: "Jane <jane@example.com>" }, /give the bare address/],
    ["deleteEmailIdentity", { identity: "" }, /^Identity is required/],
  ])("%s rejects bad input before calling AWS (%#)", async (key, params, message) => {
    await expect(harness.action(key, { ...base, ...params })).rejects.toThrow(message);
    expect(ses.calls()).toHaveLength(0);
  });
});

describe("account and configuration", () => {
  it("Get Account reports sandbox status, quotas and what is left today", async () => {
    ses.on(GetAccountCommand).resolves({
      ProductionAccessEnabled: false,
      SendingEnabled: true,
      EnforcementStatus: "HEALTHY",
      SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 12 },
      SuppressionAttributes: { SuppressedReasons: ["BOUNCE"] },
    });
    const result = await harness.action("getAccount", base);
    expect(dataOf(result)).toEqual({
      productionAccess: false,
      inSandbox: true,
      sendingEnabled: true,
      enforcementStatus: "HEALTHY",
      max24HourSend: 200,
      maxSendRate: 1,
      sentLast24Hours: 12,
      remainingLast24Hours: 188,
      suppressedReasons: ["BOUNCE"],
      dedicatedIpAutoWarmup: false,
    });
  });

  it("List Configuration Sets pages with the given size and token", async () => {
    ses
      .on(ListConfigurationSetsCommand)
      .resolves({ ConfigurationSets: ["a", "b"], NextToken: "x" });
    const result = await harness.action("listConfigurationSets", {
      ...base,
      pageSize: "2",
      nextToken: "w",
    });
    expect(ses.commandCalls(ListConfigurationSetsCommand)[0].args[0].input).toEqual({
      PageSize: 2,
      NextToken: "w",
    });
    expect(dataOf(result)).toEqual({ configurationSets: ["a", "b"], nextToken: "x" });
  });
});
