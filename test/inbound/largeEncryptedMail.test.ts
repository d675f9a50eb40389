import { createHash, randomBytes } from "node:crypto";
import { loggerMock } from "@prismatic-io/spectral/dist/testing";
import { accessKey, dataOf, harness, TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { startS3Emulator } from "../helpers/s3Emulator";

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { startLocalKms } = require("../../demo/localKms") as any;
// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helpers shared with the demo
const { encryptLikeSes } = require("../../demo/sesEncryption") as any;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const CONTEXT = {
  "aws:ses:message-id": "big0000000000000000000000000000000000001",
  "aws:ses:rule-name": "store-inbound",
  "aws:ses:source-account": "111122223333",
};

/** A MIME message just under SES's 40 MB with one large binary attachment. */
function bigMessage(attachment: Buffer): Buffer {
  const base64 = attachment.toString("base64").replace(/.{76}/g, "$&\r\n");
  return Buffer.from(
    [
      "From: sender@example.org",
      "To: inbox@example.com",
      "Subject: Scans",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="big"',
      "",
      "--big",
      "Content-Type: text/plain",
      "",
      "Scans attached.",
      "--big",
      'Content-Type: application/octet-stream; name="scans.bin"',
      'Content-Disposition: attachment; filename="scans.bin"',
      "Content-Transfer-Encoding: base64",
      "",
      base64,
      "--big--",
      "",
    ].join("\r\n"),
  );
}

describe("a 40 MB encrypted mail, through real S3 and KMS protocols on local emulators", () => {
  let s3: Awaited<ReturnType<typeof startS3Emulator>>;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  let kms: any;
  beforeAll(async () => {
    s3 = await startS3Emulator("inbound-mail", {
      accessKeyId: TEST_KEY_ID,
      secretAccessKey: TEST_SECRET,
    });
    kms = await startLocalKms();
    process.env.AWS_ENDPOINT_URL_KMS = kms.url;
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_KMS;
    await kms.close();
    await s3.close();
  });

  it("decrypts and parses it with the default Max Size, attachment byte for byte", async () => {
    const attachment = randomBytes(29 * 1024 * 1024);
    const message = bigMessage(attachment);
    expect(message.length).toBeGreaterThan(39 * 1024 * 1024);
    expect(message.length).toBeLessThan(40 * 1024 * 1024);
    const { body, metadata } = encryptLikeSes(message, {
      ...kms.generateDataKey(CONTEXT),
      encryptionContext: CONTEXT,
    });
    await s3.put("inbound/big", body, metadata);

    const logger = loggerMock();
    (logger.info as jest.Mock).mockClear(); // the mock spies on console, shared across tests
    const result = dataOf<{
      size: number;
      encryption: { authenticated: boolean };
      attachments: { fileName: string; size: number; file: { data: Buffer } }[];
    }>(
      await harness.action(
        "fetchReceivedEmail",
        {
          connection: accessKey,
          region: "us-east-1",
          endpoint: s3.url,
          bucket: "inbound-mail",
          objectKey: "inbound/big",
          expectedAccountId: "111122223333",
          expectedRuleName: "store-inbound",
        },
        { logger },
      ),
    );
    expect(result.size).toBe(message.length);
    // The execution log says how big it was and where the time went.
    expect((logger.info as jest.Mock).mock.calls.map(([line]) => line)).toEqual([
      expect.stringMatching(
        /^Fetched s3:\/\/inbound-mail\/inbound\/big: 39\.\d MB stored, decrypted \(AES\/GCM\/NoPadding, authenticated\), 1 attachment\(s\); read and decrypt \d+\.\d s, parse \d+\.\d s\.$/,
      ),
    ]);
    expect(result.encryption.authenticated).toBe(true);
    expect(result.attachments.map((a) => [a.fileName, a.size])).toEqual([
      ["scans.bin", attachment.length],
    ]);
    expect(sha256(result.attachments[0].file.data)).toBe(sha256(attachment));
    // KMS saw exactly the SES encryption context.
    expect(kms.calls).toEqual([{ target: "TrentService.Decrypt", context: CONTEXT }]);
  });
});
