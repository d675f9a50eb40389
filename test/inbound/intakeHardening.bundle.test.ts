import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { bouncePermanent, receivedSns } from "../../src/sesEvents/samples";
import type { SnsMessage } from "../../src/sns/snsMessage";
import { bundledComponent, bundledHarness } from "../helpers/bundle";
import { rejectionOf, TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { startFakeAwsEndpoint } from "../helpers/fakeAwsEndpoint";
import { receivedMime, sesTraceHeaders } from "../helpers/receivedMail";
import { startS3Emulator } from "../helpers/s3Emulator";
import { startSesEmulator } from "../helpers/sesEmulator";
import { CERT_URL, serveSnsLocally, signedSnsMessage, TOPIC_ARN } from "../helpers/snsSigner";

// Issue 17, through the built bundle: a sender controls a mail's bytes, anyone can post to a
// webhook URL, and whoever can write to the bucket can plant objects. Every SNS message here is
// genuinely signed and from an allowed topic.
// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { startLocalKms } = require("../../demo/localKms") as any;
// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { encryptLikeSes } = require("../../demo/sesEncryption") as any;

const harness = bundledHarness();
const connection = createConnection(bundledComponent().connections?.[0] as never, {
  accessKeyId: TEST_KEY_ID,
  secretAccessKey: TEST_SECRET,
});
const BUCKET = "inbound-mail";
const sns = serveSnsLocally();
let s3: Awaited<ReturnType<typeof startS3Emulator>>;
beforeAll(async () => {
  s3 = await startS3Emulator(BUCKET, { accessKeyId: TEST_KEY_ID, secretAccessKey: TEST_SECRET });
});
afterAll(async () => {
  sns.restore();
  await s3.close();
});

// biome-ignore lint/suspicious/noExplicitAny: trigger and action results are checked field by field
type Loose = any;
type Result = { branch: string; payload: { rawBody: { data: unknown }; body: { data: Loose } } };
const TRIGGER_DEFAULTS = {
  allowedTopicArns: [TOPIC_ARN],
  subscribeTopic: "",
  notifyIdentity: "",
  region: "us-east-1",
  fetchEmail: "true",
};
const deliver = (trigger: string, message: SnsMessage, params: Record<string, unknown> = {}) => {
  const raw = JSON.stringify(message);
  return harness.trigger(
    trigger,
    { rawBody: { data: Buffer.from(raw) }, body: { data: raw } },
    { ...TRIGGER_DEFAULTS, ...params },
  ) as unknown as Promise<Result>;
};
const notify = (sesMessage: unknown, fields: Partial<SnsMessage> = {}) =>
  signedSnsMessage({ Type: "Notification", Message: JSON.stringify(sesMessage), ...fields });

// A mail whose receipt rule did not scan, carrying the sender's own verdicts and a HELO name
// that smuggles ";dkim=pass;dmarc=pass" into SES's Authentication-Results.
const HOSTILE_AUTH_RESULTS =
  "amazonses.com; spf=fail (spfCheck: no) client-ip=192.0.2.66; envelope-from=ceo@victim.example; helo=evil.test;dkim=pass;dmarc=pass; dkim=fail header.i=@evil.test; dmarc=fail header.from=victim.example;";
const CRLF_NAME = "inv%0D%0ABcc%3A%20x%40evil.test.pdf";
const hostileMail = receivedMime({
  sesHeaders: sesTraceHeaders({ scan: false, authResults: HOSTILE_AUTH_RESULTS }),
  senderHeaders: ["X-SES-Spam-Verdict: PASS", "X-SES-Virus-Verdict: PASS"],
  attachments: [
    { fileNameHeader: 'filename="../../../../etc/cron.d/evil"', body: Buffer.from("* * * * * x") },
    { fileNameHeader: `filename*=UTF-8''${CRLF_NAME}`, body: Buffer.from("%PDF-1.7") },
  ],
});
const failedReceipt = {
  ...receivedSns,
  receipt: {
    ...receivedSns.receipt,
    spamVerdict: { status: "FAIL" },
    virusVerdict: { status: "FAIL" },
    spfVerdict: { status: "FAIL" },
    dkimVerdict: { status: "FAIL" },
    dmarcVerdict: { status: "FAIL" },
  },
  content: hostileMail.toString("base64"),
};

describe("1. spoofable verdicts", () => {
  it("the trigger takes SES's verdicts from the signed notification, never from the mail", async () => {
    const result = await deliver("receivedEmail", notify(failedReceipt));
    expect(result.payload.body.data.email.sesVerdicts).toEqual({
      spam: "FAIL",
      virus: "FAIL",
      spf: "FAIL",
      dkim: "FAIL",
      dmarc: "FAIL",
      source: {
        spam: "notification",
        virus: "notification",
        spf: "notification",
        dkim: "notification",
        dmarc: "notification",
      },
    });
  });

  it("Fetch Received Email reports null, not the sender's PASS, and no smuggled DKIM/DMARC result", async () => {
    await s3.put("inbound/hostile-1", hostileMail);
    const { data } = (await harness.action("fetchReceivedEmail", {
      connection,
      region: "us-east-1",
      endpoint: s3.url,
      bucket: BUCKET,
      objectKey: "inbound/hostile-1",
    })) as { data: Loose };
    expect(data.sesVerdicts).toEqual({
      spam: null,
      virus: null,
      spf: "FAIL",
      dkim: null,
      dmarc: null,
      source: { spam: null, virus: null, spf: "Authentication-Results", dkim: null, dmarc: null },
    });
  });
});

describe("2. attachment file names", () => {
  it("are safe base names, with the sender's kept as untrusted, and can be forwarded by Send Email", async () => {
    const result = await deliver("receivedEmail", notify(failedReceipt));
    const files = result.payload.body.data.email.attachments;
    expect(files.map((f: Loose) => [f.fileName, f.untrustedOriginalFileName])).toEqual([
      ["evil", "../../../../etc/cron.d/evil"],
      ["invBcc_ x@evil.test.pdf", "inv\r\nBcc: x@evil.test.pdf"],
    ]);
    const ses = await startSesEmulator();
    try {
      await harness.action("sendEmail", {
        connection,
        region: "us-east-1",
        endpoint: ses.url,
        from: "orders@example.com",
        to: ["archive@example.com"],
        cc: [],
        bcc: [],
        replyTo: [],
        subject: "Forwarded",
        textBody: "See attached.",
        attachments: files.map((f: Loose) => ({ key: f.fileName, value: f.file })),
        inlineImages: [],
        messageTags: [],
        customHeaders: [],
      });
      expect(await ses.emails()).toHaveLength(1);
    } finally {
      await ses.close();
    }
  });
});

describe("3. replay", () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

  it("refuses a genuine message older than the default Max Message Age (3600 s)", async () => {
    const old = notify(bouncePermanent, { Timestamp: hoursAgo(2) });
    await expect(deliver("bounceNotification", old)).rejects.toThrow(/more than 3600 s ago/);
  });

  it("refuses a Timestamp more than 5 minutes in the future", async () => {
    const future = notify(bouncePermanent, { Timestamp: hoursAgo(-0.5) });
    await expect(deliver("bounceNotification", future)).rejects.toThrow(/in the future/);
  });

  it("does not pass the signed request on in the output", async () => {
    const message = notify(bouncePermanent);
    const result = await deliver("bounceNotification", message);
    expect(result.branch).toBe("Notification");
    expect(result.payload.rawBody.data).toBe("");
    expect(JSON.stringify(result)).not.toContain(message.Signature);
    expect(result.payload.body.data.sns.messageId).toBe(message.MessageId);
  });
});

describe("4. certificate fetches for unsigned requests", () => {
  const forged = (certificateUrl: string) => ({
    ...notify(bouncePermanent),
    SigningCertURL: certificateUrl,
    Signature: "AAAA",
  });

  it("fetches nothing for URLs off SNS's certificate path or on another region's host", async () => {
    await deliver("bounceNotification", notify(bouncePermanent)); // the real certificate, trusted
    sns.requests.length = 0;
    for (let n = 0; n < 50; n++) {
      for (const url of [
        `https://sns.us-east-1.amazonaws.com/attacker-${n}.pem`,
        `https://sns.us-east-1.amazonaws.com/x/SimpleNotificationService-${"a".repeat(32)}.pem`,
        `https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-${String(n).padStart(32, "0")}.pem`,
      ]) {
        await expect(deliver("bounceNotification", forged(url))).rejects.toThrow(/SigningCertURL/);
      }
    }
    expect(sns.requests).toEqual([]);
  });

  it("fetches each well-shaped unknown URL at most once, and never pushes out the real certificate", async () => {
    await deliver("bounceNotification", notify(bouncePermanent));
    sns.requests.length = 0;
    const urls = Array.from(
      { length: 100 },
      (_, n) =>
        `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${n.toString(16).padStart(32, "f")}.pem`,
    );
    for (let round = 0; round < 2; round++) {
      for (const url of urls) {
        await expect(deliver("bounceNotification", forged(url))).rejects.toThrow(/certificate/);
      }
      expect(sns.requests).toHaveLength(100); // the second round was answered from the failure cache
    }
    const genuine = await deliver("bounceNotification", notify(bouncePermanent));
    expect(genuine.branch).toBe("Notification");
    expect(sns.requests).not.toContain(CERT_URL);
  });
});

describe("5. lifecycle leaves nothing behind", () => {
  const TOPIC = "arn:aws:sns:us-east-1:111122223333:ses-notifications";
  const xml = (action: string, result = "") =>
    `<${action}Response><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></${action}Response>`;
  let failIdentity = false;
  const actionsSeen: string[] = [];
  let fake: Awaited<ReturnType<typeof startFakeAwsEndpoint>>;
  beforeAll(async () => {
    fake = await startFakeAwsEndpoint((request) => {
      const action = new URLSearchParams(request.body).get("Action") ?? "";
      actionsSeen.push(action);
      if (action === "SetIdentityNotificationTopic" && failIdentity) {
        return {
          status: 400,
          body: "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>Identity example.com is not verified.</Message></Error><RequestId>r2</RequestId></ErrorResponse>",
          headers: { "content-type": "text/xml" },
        };
      }
      const result =
        action === "Subscribe" ? `<SubscriptionArn>${TOPIC}:sub-1</SubscriptionArn>` : "";
      return { status: 200, body: xml(action, result), headers: { "content-type": "text/xml" } };
    });
    process.env.AWS_ENDPOINT_URL_SNS = fake.url;
    process.env.AWS_ENDPOINT_URL_SES = fake.url;
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_SNS;
    delete process.env.AWS_ENDPOINT_URL_SES;
    await fake.close();
  });
  beforeEach(() => {
    actionsSeen.length = 0;
    failIdentity = false;
  });
  const params = (extra: Record<string, unknown> = {}) => ({
    connection,
    region: "us-east-1",
    allowedTopicArns: [],
    subscribeTopic: TOPIC,
    notifyIdentity: "",
    includeHeaders: "false",
    ...extra,
  });

  it("unsubscribes when Subscribe To Topic is cleared on redeploy", async () => {
    const deployed = await harness.triggerOnInstanceDeploy("bounceNotification", params());
    expect(actionsSeen).toEqual(["Subscribe"]);
    const cleared = await harness.triggerOnInstanceDeploy(
      "bounceNotification",
      params({ subscribeTopic: "", allowedTopicArns: [TOPIC] }),
      { crossFlowState: deployed?.crossFlowState },
    );
    expect(actionsSeen).toEqual(["Subscribe", "Unsubscribe"]);
    expect(cleared).toEqual({ crossFlowState: {} });
  });

  it("refuses to delete without a Connection, saying what would be left behind", async () => {
    const deployed = await harness.triggerOnInstanceDeploy("bounceNotification", params());
    actionsSeen.length = 0;
    const error = await rejectionOf(
      harness.triggerOnInstanceDelete("bounceNotification", params({ connection: undefined }), {
        crossFlowState: deployed?.crossFlowState,
      }),
    );
    expect(error.message).toMatch(`would leave the SNS subscription ${TOPIC}:sub-1`);
    expect(actionsSeen).toEqual([]);
  });

  it("removes the subscription it made when the deploy fails after Subscribe", async () => {
    failIdentity = true;
    const error = await rejectionOf(
      harness.triggerOnInstanceDeploy(
        "bounceNotification",
        params({ notifyIdentity: "example.com" }),
      ),
    );
    expect(error.message).toMatch(/Nothing was left subscribed by this deploy/);
    expect(actionsSeen).toEqual([
      "Subscribe",
      "SetIdentityNotificationTopic",
      "Unsubscribe",
      "GetIdentityNotificationAttributes",
    ]);
  });
});

describe("6. KMS key pinning and Require Encryption", () => {
  const CONTEXT = {
    "aws:ses:message-id": "0planted0000000000000000000000000000000001",
    "aws:ses:rule-name": "store-inbound",
    "aws:ses:source-account": "111122223333",
  };
  const OUR_KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  const FOREIGN_KEY = "arn:aws:kms:us-east-1:999988887777:key/0000aaaa-0000-0000-0000-000000000000";
  let kms: Loose;
  beforeAll(async () => {
    kms = await startLocalKms();
    process.env.AWS_ENDPOINT_URL_KMS = kms.url;
    const mail = receivedMime({});
    // Planted: the context names our account and rule, but the key is someone else's.
    const planted = encryptLikeSes(mail, {
      ...kms.generateDataKey(CONTEXT, FOREIGN_KEY),
      encryptionContext: CONTEXT,
    });
    await s3.put("inbound/planted", planted.body, planted.metadata);
    const genuine = encryptLikeSes(mail, {
      ...kms.generateDataKey(CONTEXT, OUR_KEY),
      encryptionContext: CONTEXT,
    });
    await s3.put("inbound/genuine", genuine.body, genuine.metadata);
    await s3.put("inbound/unencrypted", mail);
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_KMS;
    await kms.close();
  });
  const fetchMail = (objectKey: string, extra: Record<string, unknown> = {}) =>
    harness.action("fetchReceivedEmail", {
      connection,
      region: "us-east-1",
      endpoint: s3.url,
      bucket: BUCKET,
      objectKey,
      expectedAccountId: "111122223333",
      expectedRuleName: "store-inbound",
      ...extra,
    }) as Promise<{ data: Loose }>;

  it("refuses mail wrapped under another key when Expected KMS Key ARN is set (KMS gets it as KeyId)", async () => {
    const error = await rejectionOf(fetchMail("inbound/planted", { expectedKmsKeyArn: OUR_KEY }));
    expect(error.message).toMatch(/IncorrectKeyException|key ID in the request/);
    expect(kms.calls.at(-1).keyId).toBe(OUR_KEY);
  });

  it("refuses a key of another account when only Expected Account ID is set", async () => {
    const error = await rejectionOf(fetchMail("inbound/planted"));
    expect(error.message).toMatch(
      /in account 999988887777, not in the expected account 111122223333/,
    );
  });

  it("reports the key that decrypted, so even without the pin the planted key shows", async () => {
    const open = { expectedAccountId: "", expectedRuleName: "" };
    const planted = await fetchMail("inbound/planted", open);
    expect(planted.data.encryption).toMatchObject({ authenticated: true, kmsKeyId: FOREIGN_KEY });
    const genuine = await fetchMail("inbound/genuine", { expectedKmsKeyArn: OUR_KEY });
    expect(genuine.data.encryption).toMatchObject({ authenticated: true, kmsKeyId: OUR_KEY });
  });

  it("Require Encryption refuses an unencrypted replacement, with no Expected inputs set", async () => {
    const open = { expectedAccountId: "", expectedRuleName: "" };
    await expect(
      fetchMail("inbound/unencrypted", { ...open, requireEncryption: "true" }),
    ).rejects.toThrow(/not encrypted, but Require Encryption is on/);
    await expect(fetchMail("inbound/unencrypted", open)).resolves.toBeDefined();
  });
});
