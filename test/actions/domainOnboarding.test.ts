import { generateKeyPairSync } from "node:crypto";
import {
  GetIdentityNotificationAttributesCommand,
  SESClient,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityNotificationTopicCommand,
} from "@aws-sdk/client-ses";
import {
  PutEmailIdentityConfigurationSetAttributesCommand,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
  PutEmailIdentityFeedbackAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness, inputsOf } from "../helpers/component";

const sesv2 = mockClient(SESv2Client);
const sesv1 = mockClient(SESClient);
beforeEach(() => {
  sesv2.reset();
  sesv1.reset();
  sesv2.onAnyCommand().resolves({});
  sesv1.onAnyCommand().resolves({});
});

const run = (key: string, params: Record<string, unknown>) =>
  harness.action(key, { connection: accessKey, region: "eu-west-1", ...params });
const calls = () => sesv2.calls().length + sesv1.calls().length;

describe("domain onboarding: MAIL FROM", () => {
  it("sets a subdomain as MAIL FROM and returns the MX and SPF records for the region", async () => {
    const result = dataOf<{ dnsRecords: unknown[] }>(
      await run("putEmailIdentityMailFrom", {
        identity: "Example.COM",
        mailFromDomain: "Mail.Example.com",
        behaviorOnMxFailure: "REJECT_MESSAGE",
      }),
    );
    expect(inputsOf(sesv2, PutEmailIdentityMailFromAttributesCommand)).toEqual([
      {
        EmailIdentity: "example.com",
        MailFromDomain: "mail.example.com",
        BehaviorOnMxFailure: "REJECT_MESSAGE",
      },
    ]);
    expect(result.dnsRecords).toEqual([
      { name: "mail.example.com", type: "MX", value: "10 feedback-smtp.eu-west-1.amazonses.com" },
      { name: "mail.example.com", type: "TXT", value: '"v=spf1 include:amazonses.com ~all"' },
    ]);
  });

  it("turns custom MAIL FROM off when the domain is empty", async () => {
    await run("putEmailIdentityMailFrom", { identity: "jane@example.com" });
    expect(inputsOf(sesv2, PutEmailIdentityMailFromAttributesCommand)).toEqual([
      {
        EmailIdentity: "jane@example.com",
        MailFromDomain: undefined,
        BehaviorOnMxFailure: "USE_DEFAULT_VALUE",
      },
    ]);
  });

  it.each([
    [
      { identity: "example.com", mailFromDomain: "example.com" },
      /must be a subdomain of example.com/,
    ],
    [{ identity: "example.com", mailFromDomain: "mail.example.org" }, /must be a subdomain/],
    [{ identity: "example.com", mailFromDomain: "notexample.com" }, /must be a subdomain/],
    [{ identity: "example.com", mailFromDomain: "bad_domain" }, /is not a domain name/],
    [{ identity: "example.com", behaviorOnMxFailure: "BOUNCE" }, /Behavior On MX Failure must be/],
  ])("refuses %j before any call", async (params, message) => {
    await expect(run("putEmailIdentityMailFrom", params)).rejects.toThrow(message);
    expect(calls()).toBe(0);
  });
});

describe("domain onboarding: DKIM", () => {
  const rsa = (bits: number, type: "pkcs1" | "pkcs8") =>
    generateKeyPairSync("rsa", { modulusLength: bits }).privateKey.export({
      type,
      format: "pem",
    }) as string;
  const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
  // The end of a private key's DER is its private part (the start holds the public modulus).
  const secretPart = (pem: string) => body(pem).slice(-60, -20);

  it("turns DKIM signing off and on", async () => {
    await run("putEmailIdentityDkimSigning", { identity: "example.com", signingEnabled: "false" });
    expect(inputsOf(sesv2, PutEmailIdentityDkimAttributesCommand)).toEqual([
      { EmailIdentity: "example.com", SigningEnabled: false },
    ]);
  });

  it("switches to Easy DKIM with a key length and returns the CNAMEs of SES's tokens", async () => {
    sesv2
      .on(PutEmailIdentityDkimSigningAttributesCommand)
      .resolves({ DkimStatus: "PENDING", DkimTokens: ["tok1", "tok2", "tok3"] });
    const result = dataOf<{ status: string; dnsRecords: { name: string; value: string }[] }>(
      await run("putEmailIdentityDkimKeys", {
        identity: "example.com",
        origin: "AWS_SES",
        keyLength: "RSA_1024_BIT",
      }),
    );
    expect(inputsOf(sesv2, PutEmailIdentityDkimSigningAttributesCommand)).toEqual([
      {
        EmailIdentity: "example.com",
        SigningAttributesOrigin: "AWS_SES",
        SigningAttributes: { NextSigningKeyLength: "RSA_1024_BIT" },
      },
    ]);
    expect(result.status).toBe("PENDING");
    expect(result.dnsRecords.map((record) => [record.name, record.value])).toEqual([
      ["tok1._domainkey.example.com", "tok1.dkim.amazonses.com"],
      ["tok2._domainkey.example.com", "tok2.dkim.amazonses.com"],
      ["tok3._domainkey.example.com", "tok3.dkim.amazonses.com"],
    ]);
  });

  it.each(["pkcs1", "pkcs8"] as const)(
    "brings its own %s key: sends the key's base64 DER and returns the TXT record with the matching public key",
    async (type) => {
      const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
      const pem = pair.privateKey.export({ type, format: "pem" }) as string;
      const output = await run("putEmailIdentityDkimKeys", {
        identity: "example.com",
        origin: "EXTERNAL",
        selector: "tenant2026",
        privateKey: pem,
      });
      expect(inputsOf(sesv2, PutEmailIdentityDkimSigningAttributesCommand)).toEqual([
        {
          EmailIdentity: "example.com",
          SigningAttributesOrigin: "EXTERNAL",
          SigningAttributes: {
            DomainSigningSelector: "tenant2026",
            DomainSigningPrivateKey: body(pem),
          },
        },
      ]);
      const publicKey = pair.publicKey.export({ type: "spki", format: "der" }).toString("base64");
      expect(dataOf<{ dnsRecords: unknown[] }>(output).dnsRecords).toEqual([
        {
          name: "tenant2026._domainkey.example.com",
          type: "TXT",
          value: `"v=DKIM1; k=rsa; p=${publicKey}"`,
        },
      ]);
      expect(JSON.stringify(output)).not.toContain(secretPart(pem));
    },
  );

  it("takes the key as SES does too: base64 DER without the PEM lines", async () => {
    const pem = rsa(1024, "pkcs8");
    await run("putEmailIdentityDkimKeys", {
      identity: "example.com",
      origin: "EXTERNAL",
      selector: "s1",
      privateKey: body(pem),
    });
    expect(
      inputsOf(sesv2, PutEmailIdentityDkimSigningAttributesCommand)[0].SigningAttributes
        .DomainSigningPrivateKey,
    ).toBe(body(pem));
  });

  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
    type: "pkcs8",
    format: "pem",
  }) as string;
  const encrypted = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
    type: "pkcs8",
    format: "pem",
    cipher: "aes-256-cbc",
    passphrase: "p",
  }) as string;
  it.each([
    [
      "a 3072-bit key",
      { selector: "s", privateKey: rsa(3072, "pkcs8") },
      /1024- or 2048-bit RSA key, not 3072-bit RSA/,
    ],
    ["an EC key", { selector: "s", privateKey: ec }, /RSA key, not ec/],
    ["an encrypted key", { selector: "s", privateKey: encrypted }, /encrypted with a passphrase/],
    ["no key", { selector: "s" }, /give both DKIM Selector and DKIM Private Key/],
    ["no selector", { privateKey: rsa(1024, "pkcs1") }, /give both/],
    ["a bad selector", { selector: "-bad-", privateKey: rsa(1024, "pkcs1") }, /not a DNS label/],
    [
      "garbage",
      { selector: "s", privateKey: "c2VjcmV0LWtleS1ub3QtcmVhbA==" },
      /not a readable private key/,
    ],
  ])(
    "refuses %s for your own key, naming no part of it, before any call",
    async (_what, params, message) => {
      const attempt = run("putEmailIdentityDkimKeys", {
        identity: "example.com",
        origin: "EXTERNAL",
        ...params,
      });
      await expect(attempt).rejects.toThrow(message);
      const error = await attempt.catch((e: Error) => e.message);
      const key = (params as Record<string, string>).privateKey;
      if (key) expect(String(error)).not.toContain(secretPart(key));
      expect(calls()).toBe(0);
    },
  );

  it("refuses a key with Easy DKIM, and an address where a domain is needed", async () => {
    await expect(
      run("putEmailIdentityDkimKeys", {
        identity: "example.com",
        origin: "AWS_SES",
        selector: "s",
      }),
    ).rejects.toThrow(/choose EXTERNAL/);
    await expect(
      run("putEmailIdentityDkimKeys", { identity: "jane@example.com", origin: "AWS_SES" }),
    ).rejects.toThrow(/is an email address; give its domain/);
    expect(calls()).toBe(0);
  });
});

describe("domain onboarding: feedback, default configuration set, v1 notifications", () => {
  it("sets feedback forwarding and the default configuration set (and removes it)", async () => {
    await run("putEmailIdentityFeedback", { identity: "example.com", feedbackForwarding: "false" });
    await run("putEmailIdentityConfigurationSet", {
      identity: "example.com",
      configurationSet: "tenant-acme",
    });
    await run("putEmailIdentityConfigurationSet", { identity: "example.com" });
    expect(inputsOf(sesv2, PutEmailIdentityFeedbackAttributesCommand)).toEqual([
      { EmailIdentity: "example.com", EmailForwardingEnabled: false },
    ]);
    expect(inputsOf(sesv2, PutEmailIdentityConfigurationSetAttributesCommand)).toEqual([
      { EmailIdentity: "example.com", ConfigurationSetName: "tenant-acme" },
      { EmailIdentity: "example.com", ConfigurationSetName: undefined },
    ]);
  });

  it("reads notification settings of several identities, unknown ones with SES's defaults", async () => {
    sesv1.on(GetIdentityNotificationAttributesCommand).resolves({
      NotificationAttributes: {
        "example.com": {
          BounceTopic: "arn:aws:sns:eu-west-1:111122223333:b",
          ComplaintTopic: "arn:aws:sns:eu-west-1:111122223333:c",
          DeliveryTopic: "",
          ForwardingEnabled: false,
          HeadersInBounceNotificationsEnabled: true,
        },
      },
    });
    const result = dataOf<{ identities: Record<string, unknown>[] }>(
      await run("getIdentityNotifications", { identities: ["example.com", "new.example.org"] }),
    );
    expect(inputsOf(sesv1, GetIdentityNotificationAttributesCommand)).toEqual([
      { Identities: ["example.com", "new.example.org"] },
    ]);
    expect(result.identities).toEqual([
      {
        identity: "example.com",
        bounceTopic: "arn:aws:sns:eu-west-1:111122223333:b",
        complaintTopic: "arn:aws:sns:eu-west-1:111122223333:c",
        deliveryTopic: "",
        feedbackForwarding: false,
        headersInBounce: true,
        headersInComplaint: false,
        headersInDelivery: false,
      },
      {
        identity: "new.example.org",
        bounceTopic: null,
        complaintTopic: null,
        deliveryTopic: null,
        feedbackForwarding: true,
        headersInBounce: false,
        headersInComplaint: false,
        headersInDelivery: false,
      },
    ]);
  });

  it("sets and clears an identity's notification topic, and its headers setting", async () => {
    await run("setIdentityNotificationTopic", {
      identity: "example.com",
      notificationType: "Complaint",
      snsTopic: "arn:aws:sns:eu-west-1:111122223333:ses",
    });
    await run("setIdentityNotificationTopic", {
      identity: "example.com",
      notificationType: "Delivery",
    });
    await run("setIdentityNotificationHeaders", {
      identity: "example.com",
      notificationType: "Bounce",
      includeHeaders: "false",
    });
    expect(inputsOf(sesv1, SetIdentityNotificationTopicCommand)).toEqual([
      {
        Identity: "example.com",
        NotificationType: "Complaint",
        SnsTopic: "arn:aws:sns:eu-west-1:111122223333:ses",
      },
      { Identity: "example.com", NotificationType: "Delivery", SnsTopic: undefined },
    ]);
    expect(inputsOf(sesv1, SetIdentityHeadersInNotificationsEnabledCommand)).toEqual([
      { Identity: "example.com", NotificationType: "Bounce", Enabled: false },
    ]);
  });

  it.each([
    ["setIdentityNotificationTopic", { notificationType: "Open" }, /Bounce, Complaint or Delivery/],
    [
      "setIdentityNotificationTopic",
      { notificationType: "Bounce", snsTopic: "arn:aws:sns:us-east-1:111122223333:elsewhere" },
      /only to topics in its own region \(eu-west-1\)/,
    ],
    [
      "setIdentityNotificationTopic",
      { notificationType: "Bounce", snsTopic: "not-an-arn" },
      /not an SNS topic ARN/,
    ],
    [
      "putEmailIdentityConfigurationSet",
      { configurationSet: "has space" },
      /not a configuration set name/,
    ],
    ["putEmailIdentityFeedback", { feedbackForwarding: "maybe" }, /Feedback Forwarding/],
  ])("%s refuses %j before any call", async (key, params, message) => {
    await expect(run(key, { identity: "example.com", ...params })).rejects.toThrow(message);
    expect(calls()).toBe(0);
  });

  it("refuses more than 100 identities per request", async () => {
    const identities = Array.from({ length: 101 }, (_, i) => `d${i}.example.com`);
    await expect(run("getIdentityNotifications", { identities })).rejects.toThrow(/at most 100/);
    expect(calls()).toBe(0);
  });
});
