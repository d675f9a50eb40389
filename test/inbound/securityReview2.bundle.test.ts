import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { receivedS3, receivedSns } from "../../src/sesEvents/samples";
import { bundledComponent, bundledHarness } from "../helpers/bundle";
import { rejectionOf, TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { startFakeAwsEndpoint } from "../helpers/fakeAwsEndpoint";
import { receivedMime } from "../helpers/receivedMail";
import { serveSnsLocally, signedSnsMessage, TOPIC_ARN } from "../helpers/snsSigner";

// Issue 25 (second security review), reproduced through the built bundle.
const harness = bundledHarness();
const connection = createConnection(bundledComponent().connections?.[0] as never, {
  accessKeyId: TEST_KEY_ID,
  secretAccessKey: TEST_SECRET,
});
const sns = serveSnsLocally();
let aws: Awaited<ReturnType<typeof startFakeAwsEndpoint>>;
beforeAll(async () => {
  aws = await startFakeAwsEndpoint(() => ({ status: 200, body: {} }));
});
afterAll(async () => {
  sns.restore();
  await aws.close();
});
beforeEach(() => {
  aws.requests.length = 0;
});

// biome-ignore lint/suspicious/noExplicitAny: trigger results are checked field by field
type Loose = any;
const deliver = (
  sesMessage: unknown,
  fields: Record<string, unknown>,
  params: Record<string, unknown>,
) => {
  const raw = JSON.stringify(
    signedSnsMessage({ Type: "Notification", Message: JSON.stringify(sesMessage), ...fields }),
  );
  return harness.trigger(
    "receivedEmail",
    { rawBody: { data: Buffer.from(raw) }, body: { data: raw } },
    {
      allowedTopicArns: [TOPIC_ARN],
      region: "us-east-1",
      fetchEmail: "true",
      connection,
      ...params,
    },
  ) as unknown as Promise<Loose>;
};

describe("second security review, through dist/", () => {
  it("1. Call SES Operation: DeleteContact with EmailAddress '..' is refused, nothing is sent", async () => {
    const error = await rejectionOf(
      harness.action("callSesOperation", {
        connection,
        region: "us-east-1",
        operation: "sesv2:DeleteContact",
        input: '{"ContactListName": "news", "EmailAddress": ".."}',
        endpoint: aws.url,
      }),
    );
    expect(error.message).toMatch(/EmailAddress is part of the request's URL path/);
    expect(aws.requests).toHaveLength(0);
  });

  it("2. a Received event naming another bucket is refused before any S3 call", async () => {
    const payroll = {
      ...receivedS3,
      receipt: {
        ...receivedS3.receipt,
        action: { type: "S3", bucketName: "finance-private", objectKey: "payroll/2026-11.eml" },
      },
    };
    const error = await rejectionOf(
      deliver(payroll, {}, { expectedBucket: "inbound-mail", endpoint: aws.url }),
    );
    expect(error.message).toMatch(
      /not the Expected Bucket inbound-mail: refused, nothing was read/,
    );
    expect(aws.requests).toHaveLength(0);
  });

  it("3. a certificate URL on amazonaws.com.cn is refused for an aws-partition topic, unfetched", async () => {
    const cnCert =
      "https://sns.us-east-1.amazonaws.com.cn/SimpleNotificationService-0123456789abcdef.pem";
    const error = await rejectionOf(deliver(receivedSns, { SigningCertURL: cnCert }, {}));
    expect(error.message).toMatch(
      /SigningCertURL is on the SNS host sns\.us-east-1\.amazonaws\.com\.cn/,
    );
    expect(sns.requests.filter((url) => url.includes("amazonaws.com.cn"))).toEqual([]);
  });

  it("4. lookalike slashes, separators, spaces and device names do not survive in file names", async () => {
    const names = [
      "\uFF0F..\uFF0Fetc\uFF0Fpasswd",
      "\u2215..\u2215x.sh",
      `invoice.pdf${" ".repeat(40)}.exe`,
      "a\u2028b.txt",
      "CONIN$",
    ];
    const mail = receivedMime({
      attachments: names.map((name) => ({
        fileNameHeader: `filename*=UTF-8''${encodeURIComponent(name)}`,
        body: Buffer.from("x"),
      })),
    });
    const result = await deliver({ ...receivedSns, content: mail.toString("base64") }, {}, {});
    const attachments = result.payload.body.data.email.attachments;
    expect(attachments.map((a: Loose) => a.fileName)).toEqual([
      "passwd",
      "x.sh",
      "invoice.pdf .exe",
      "ab.txt",
      "_CONIN$",
    ]);
    expect(attachments.map((a: Loose) => a.untrustedOriginalFileName)).toEqual(names);
  });
});
