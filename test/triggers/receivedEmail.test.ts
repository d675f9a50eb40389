import { DecryptCommand, KMSClient } from "@aws-sdk/client-kms";
import { mockClient } from "aws-sdk-client-mock";
import { receivedS3, receivedSns } from "../../src/sesEvents/samples";
import { accessKey, harness, TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { startS3Emulator } from "../helpers/s3Emulator";
import { loadVectors, type Vector } from "../helpers/s3ecVectors";
import { signedSnsMessage, TOPIC_ARN } from "../helpers/snsSigner";

jest.mock("../../src/sns/fetchCertificate", () => ({
  fetchCertificateOverHttps: jest.fn(async () => require("../helpers/snsSigner").TEST_CERT_PEM),
}));
jest.mock("../../src/sns/visitUrl", () => ({ visitOverHttps: jest.fn(async () => 200) }));

const vector = loadVectors().find((v) => v.name === "go-v1-kms-gcm-sesctx-tiny") as Vector;
const kms = mockClient(KMSClient);
let s3: Awaited<ReturnType<typeof startS3Emulator>>;

beforeAll(async () => {
  s3 = await startS3Emulator("inbound-mail", {
    accessKeyId: TEST_KEY_ID,
    secretAccessKey: TEST_SECRET,
  });
  await s3.put(vector.s3.key, vector.body, vector.metadata);
  kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from(vector.kms.plaintextKey, "base64") });
});
afterAll(() => s3.close());

const withAction = (action: Record<string, unknown>) => ({
  ...receivedS3,
  receipt: { ...receivedS3.receipt, action },
});
const s3Notification = withAction({
  type: "S3",
  bucketName: "inbound-mail",
  objectKey: vector.s3.key,
});

// biome-ignore lint/suspicious/noExplicitAny: trigger results are checked field by field
type Result = { branch: string; payload: { body: { data: any } } };
async function receive(sesMessage: unknown, params: Record<string, unknown> = {}) {
  const raw = JSON.stringify(
    signedSnsMessage({
      Type: "Notification",
      Message: JSON.stringify(sesMessage),
      Subject: "Amazon SES Email Receipt Notification",
    }),
  );
  return (await harness.trigger(
    "receivedEmail",
    { rawBody: { data: Buffer.from(raw) }, body: { data: raw } },
    {
      allowedTopicArns: [TOPIC_ARN],
      connection: accessKey,
      region: "us-east-1",
      endpoint: s3.url,
      fetchEmail: "true",
      maxSizeMb: "30",
      allowLegacyCbc: "false",
      ...params,
    },
  )) as unknown as Result;
}

describe("Received Email", () => {
  it("fetches, decrypts and parses the mail an S3 action stored, checking the expected rule", async () => {
    const result = await receive(s3Notification, {
      expectedRuleName: "store-inbound",
      expectedAccountId: "111122223333",
    });
    expect(result.branch).toBe("Notification");
    const { event, email, encryption } = result.payload.body.data;
    expect(event.receipt).toMatchObject({
      verdicts: { spam: "PASS", virus: "PASS", spf: "PASS", dkim: "PASS", dmarc: "PASS" },
      action: { type: "S3", bucket: "inbound-mail", key: vector.s3.key },
    });
    expect(encryption).toMatchObject({ encrypted: true, authenticated: true });
    expect(email.subject).toBe("Rechnung Nr. 42 – Größe ✓ tiny");
    expect(email.attachments[0].fileName).toBe("rechnung-tiny.pdf");
  });

  it("refuses an event naming an object outside Expected Bucket / Expected Key Prefix, before any S3 call (#25.2)", async () => {
    // Anyone who can publish to the topic can name any object the Connection may read.
    const payroll = withAction({
      type: "S3",
      bucketName: "finance-private",
      objectKey: "payroll/2026-11.eml",
    });
    const s3Calls = jest.spyOn(require("../../src/aws/clients"), "createS3Client");
    await expect(receive(payroll, { expectedBucket: "inbound-mail" })).rejects.toThrow(
      /names s3:\/\/finance-private\/\.\.\., not the Expected Bucket inbound-mail: refused, nothing was read/,
    );
    const outside = withAction({
      type: "S3",
      bucketName: "inbound-mail",
      objectKey: "other/x.eml",
    });
    await expect(
      receive(outside, { expectedBucket: "inbound-mail", expectedKeyPrefix: "inbound/" }),
    ).rejects.toThrow(/outside the Expected Key Prefix inbound\//);
    expect(s3Calls).not.toHaveBeenCalled();
    s3Calls.mockRestore();
    // The rule's own objects still go through.
    const result = await receive(s3Notification, {
      expectedBucket: "inbound-mail",
      expectedKeyPrefix: vector.s3.key.slice(0, vector.s3.key.indexOf("/") + 1),
    });
    expect(result.payload.body.data.email.attachments).toHaveLength(1);
  });

  it("refuses mail stored by another receipt rule", async () => {
    await expect(receive(s3Notification, { expectedRuleName: "other-rule" })).rejects.toThrow(
      /aws:ses:rule-name is "store-inbound", but rule "other-rule" was expected/,
    );
  });

  it("decodes and parses the inline content of an SNS action (Base64 or UTF-8)", async () => {
    const base64 = await receive(receivedSns, { connection: undefined });
    expect(base64.payload.body.data.email).toMatchObject({
      subject: "Purchase order 4711",
      from: { name: "Renee Koenig", address: "buyer@example.org" },
      text: "Please confirm order 4711.\n",
    });
    const utf8Content = Buffer.from(receivedSns.content, "base64").toString("utf8");
    const utf8 = await receive(
      {
        ...receivedSns,
        receipt: {
          ...receivedSns.receipt,
          action: { ...receivedSns.receipt.action, encoding: "UTF8" },
        },
        content: utf8Content,
      },
      { connection: undefined },
    );
    expect(utf8.payload.body.data.email.subject).toBe("Purchase order 4711");
  });

  it("passes on the notification alone when Fetch Email Content is off", async () => {
    const result = await receive(s3Notification, { fetchEmail: "false", connection: undefined });
    expect(result.payload.body.data).toMatchObject({
      email: null,
      encryption: null,
      event: { type: "Received" },
    });
  });

  it("says a Connection is needed to fetch from S3", async () => {
    await expect(receive(s3Notification, { connection: undefined })).rejects.toThrow(
      /Fetch Email Content needs a Connection/,
    );
  });

  it("routes other SES events to Ignored", async () => {
    const bounce = { notificationType: "Bounce", bounce: {}, mail: {} };
    expect((await receive(bounce)).branch).toBe("Ignored");
  });
});
