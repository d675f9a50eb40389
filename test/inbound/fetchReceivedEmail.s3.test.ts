import { createHash } from "node:crypto";
import { DecryptCommand, KMSClient } from "@aws-sdk/client-kms";
import { mockClient } from "aws-sdk-client-mock";
import {
  accessKey,
  dataOf,
  harness,
  rejectionOf,
  TEST_KEY_ID,
  TEST_SECRET,
} from "../helpers/component";
import { startS3Emulator } from "../helpers/s3Emulator";
import { kmsError, loadVectors, type Vector } from "../helpers/s3ecVectors";
import { shapeOf } from "../helpers/shapeOf";

const BUCKET = "inbound-mail";
const vectors = loadVectors();
const vector = (name: string) => vectors.find((v) => v.name === name) as Vector;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
// Derived vectors share their original's key, so each is stored under its own folder; the last
// segment stays the SES message id.
const keyOf = (v: Vector) => `inbound/${v.name}/${v.s3.key.split("/").pop()}`;

/** KMS as the fixtures' README describes it, for every vector: key only for the exact blob and context. */
const kms = mockClient(KMSClient);
const kmsContexts: Record<string, string>[] = [];
function answerLikeKms() {
  kms.reset();
  kms.on(DecryptCommand).callsFake((input) => {
    kmsContexts.push(input.EncryptionContext);
    const blob = Buffer.from(input.CiphertextBlob).toString("base64");
    const context = input.EncryptionContext ?? {};
    const match = vectors.find(
      (v) =>
        v.kms.ciphertextBlob === blob &&
        Object.keys(context).length === Object.keys(v.kms.encryptionContext).length &&
        Object.entries(v.kms.encryptionContext).every(([k, value]) => context[k] === value),
    );
    if (!match)
      throw kmsError("InvalidCiphertextException", "KMS could not decrypt the ciphertext.");
    return { Plaintext: Buffer.from(match.kms.plaintextKey, "base64"), KeyId: match.kms.keyId };
  });
}

let s3: Awaited<ReturnType<typeof startS3Emulator>>;
beforeAll(async () => {
  s3 = await startS3Emulator(BUCKET, { accessKeyId: TEST_KEY_ID, secretAccessKey: TEST_SECRET });
  for (const v of vectors) {
    await s3.put(keyOf(v), v.body, v.metadata);
    if (v.instruction) await s3.put(`${keyOf(v)}.instruction`, v.instruction);
  }
  await s3.put("plain/unencrypted-1", vector("go-v1-kms-gcm-tiny").plain as Buffer);
  // Written with its envelope in an instruction file that is not there (deleted, or not copied).
  const instructed = vector("rb-v1-kms-cbc-instr-tiny");
  await s3.put("lost/instruction-1", instructed.body, instructed.metadata);
  // 1.5 MB: over a Max Size of 1 MB.
  await s3.put(
    "plain/large",
    Buffer.concat([vector("go-v1-kms-gcm-tiny").plain as Buffer, Buffer.alloc(1536 * 1024, 65)]),
  );
});
afterAll(() => s3.close());
beforeEach(() => {
  answerLikeKms();
  kmsContexts.length = 0;
});

const fetch = (params: Record<string, unknown>) =>
  harness.action("fetchReceivedEmail", {
    connection: accessKey,
    region: "us-east-1",
    endpoint: s3.url,
    ...params,
  });

interface Fetched {
  key: string;
  size: number;
  subject: string;
  from: { name: string; address: string };
  to: { address: string }[];
  cc: { address: string }[];
  text: string;
  html: string;
  encryption: {
    encrypted: boolean;
    authenticated: boolean;
    contentAlgorithm: string;
    envelopeSource: string;
  };
  attachments: { fileName: string; contentType: string; size: number; file: { data: Buffer } }[];
  sesVerdicts: Record<string, string | null>;
  raw: { data: Buffer; contentType: string } | null;
}

describe("Fetch Received Email against an S3 emulator", () => {
  it.each(vectors.filter((v) => v.expected.ok).map((v) => [v.name, v] as const))(
    "fetches, decrypts and parses %s",
    async (_name, v) => {
      const result = dataOf<Fetched>(
        await fetch({
          bucket: BUCKET,
          objectKey: keyOf(v),
          expectedAccountId: v.expect?.accountId,
          expectedRuleName: v.expect?.ruleName,
          allowLegacyCbc: v.mode.includes("cbc") ? "true" : "false",
          includeRawMime: "true",
        }),
      );
      expect(sha256(result.raw?.data as Buffer)).toBe(
        (v.expected as { plaintextSha256: string }).plaintextSha256,
      );
      expect(result.raw?.contentType).toBe("message/rfc822");
      expect(result.encryption).toMatchObject({
        encrypted: true,
        authenticated: !v.mode.includes("cbc"),
        envelopeSource: v.instruction ? "instruction file" : "metadata",
      });
      expect(result.from).toEqual({ name: "Jürgen Müller", address: "sender@example.org" });
      expect(result.to.map((m) => m.address)).toEqual(["inbox@example.com"]);
      expect(result.cc.map((m) => m.address)).toEqual(["other@example.com"]);
      expect(result.subject).toMatch(/^Rechnung Nr\. 42 – Größe ✓ (tiny|medium)$/);
      expect(result.text).toContain("Grüße");
      expect(result.html).toContain("<b>Rechnung</b>");
      expect(result.sesVerdicts).toMatchObject({ spam: "PASS", virus: "PASS" });
      // The attachment's bytes are exactly the base64 part of the plain message.
      const plain = (v.plain as Buffer).toString("latin1");
      const part =
        /filename="(rechnung-[a-z]+\.pdf)"\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n--/.exec(
          plain,
        );
      expect(result.attachments).toHaveLength(1);
      expect(result.attachments[0]).toMatchObject({
        fileName: part?.[1],
        contentType: "application/pdf",
      });
      expect(result.attachments[0].file.data.equals(Buffer.from(part?.[2] ?? "", "base64"))).toBe(
        true,
      );
    },
  );

  it("takes bucket and key from an SES receipt notification in an SNS envelope", async () => {
    const v = vector("go-v1-kms-gcm-sesctx-tiny");
    const notification = JSON.stringify({
      Type: "Notification",
      Message: JSON.stringify({
        notificationType: "Received",
        receipt: { action: { type: "S3", bucketName: BUCKET, objectKey: keyOf(v) } },
      }),
    });
    const result = dataOf<Fetched>(
      await fetch({ notification, expectedRuleName: "store-inbound" }),
    );
    expect(result.key).toBe(keyOf(v));
    expect(result.raw).toBeNull();
  });

  it("reads an unencrypted object as it is", async () => {
    const result = dataOf<Fetched>(
      await fetch({ bucket: BUCKET, objectKey: "plain/unencrypted-1" }),
    );
    expect(result.encryption.encrypted).toBe(false);
    expect(result.subject).toBe("Rechnung Nr. 42 – Größe ✓ tiny");
    expect(kmsContexts).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      "a flipped ciphertext byte",
      { objectKey: keyOf(vector("neg-gcm-ciphertext-flipped")), expectedRuleName: "store-inbound" },
      /failed GCM authentication: the stored object was altered/,
    ],
    [
      "an altered encryption context",
      { objectKey: keyOf(vector("neg-context-altered")) },
      /^KMS could not decrypt the mail's data key with its encryption context/,
    ],
    [
      "mail from another receipt rule",
      { objectKey: keyOf(vector("go-v1-kms-gcm-sesctx-tiny")), expectedRuleName: "other-rule" },
      /aws:ses:rule-name is "store-inbound", but rule "other-rule" was expected; refused/,
    ],
    [
      "mail from another account",
      { objectKey: keyOf(vector("go-v1-kms-gcm-sesctx-tiny")), expectedAccountId: "999999999999" },
      /aws:ses:source-account is "111122223333", but account "999999999999" was expected/,
    ],
    [
      "legacy CBC without consent",
      { objectKey: keyOf(vector("go-v1-kms-cbc-tiny")) },
      /legacy AES\/CBC\/PKCS5Padding, which has no integrity check/,
    ],
    [
      "an unencrypted object when an account is expected",
      { objectKey: "plain/unencrypted-1", expectedAccountId: "111122223333" },
      /is not encrypted, so its account, receipt rule and KMS key cannot be checked/,
    ],
    [
      "a mail over Max Size",
      { objectKey: "plain/large", maxSizeMb: "1" },
      /s3:\/\/inbound-mail\/plain\/large is 1574\d+ bytes, over the Max Size of 1048576 bytes/,
    ],
    [
      "a missing object, named",
      { objectKey: "inbound/does-not-exist" },
      /^s3:\/\/inbound-mail\/inbound\/does-not-exist does not exist \(S3 NoSuchKey/,
    ],
    [
      "an encrypted object whose instruction file is missing, both named",
      { objectKey: "lost/instruction-1", allowLegacyCbc: "true" },
      /^s3:\/\/inbound-mail\/lost\/instruction-1 was written by the S3 encryption client .* holds no envelope \(x-amz-key-v2\), and the instruction file that would hold it, s3:\/\/inbound-mail\/lost\/instruction-1\.instruction, does not exist/,
    ],
    [
      "a bad bucket name",
      { bucket: "Bad_Bucket" },
      /^Bucket "Bad_Bucket" is not an S3 bucket name/,
    ],
  ])("refuses %s, returning nothing", async (_case, params, message) => {
    const error = await rejectionOf(fetch({ bucket: BUCKET, objectKey: "x", ...params }));
    expect(error.message).toMatch(message);
  });

  it("explains a KMS AccessDenied with the key policy and encryption context conditions", async () => {
    kms.reset();
    kms.on(DecryptCommand).rejects(
      Object.assign(
        new Error(
          "User: arn:aws:iam::111122223333:user/i is not authorized to perform: kms:Decrypt",
        ),
        {
          name: "AccessDeniedException",
          $metadata: { httpStatusCode: 400, requestId: "kms-1" },
          iamAction: "kms:Decrypt",
        },
      ),
    );
    const error = await rejectionOf(
      fetch({ bucket: BUCKET, objectKey: keyOf(vector("go-v1-kms-gcm-tiny")) }),
    );
    expect(error.message).toMatch(
      /^AWS denied KMS Decrypt of the mail's data key\. The key policy .*kms:EncryptionContext:aws:ses:source-account/,
    );
  });
});

describe("example payloads of the received-mail actions", () => {
  it.each([
    [
      "fetchReceivedEmail",
      { bucket: BUCKET, objectKey: keyOf(vector("go-v1-kms-gcm-sesctx-tiny")) },
    ],
    ["listReceivedEmails", { bucket: BUCKET, prefix: "plain/" }],
    ["deleteReceivedEmail", { bucket: BUCKET, objectKey: "plain/does-not-matter" }],
  ])("%s returns what its examplePayload shows", async (key, params) => {
    const example = (harness.component.actions[key] as { examplePayload?: { data: unknown } })
      .examplePayload;
    const result = dataOf(
      await harness.action(key, {
        connection: accessKey,
        region: "us-east-1",
        endpoint: s3.url,
        ...params,
      }),
    );
    const withoutMaps = (value: unknown) =>
      JSON.parse(
        JSON.stringify(shapeOf(value)).replace(
          /"encryptionContext":\{[^}]*\}/,
          '"encryptionContext":{}',
        ),
      );
    expect(withoutMaps(result)).toEqual(withoutMaps(example?.data));
  });
});

describe("List and Delete Received Email", () => {
  it("lists mail under a prefix newest first, skipping instruction files, then deletes one with its instruction file", async () => {
    const listed = dataOf<{ emails: { key: string; messageId: string }[] }>(
      await harness.action("listReceivedEmails", {
        connection: accessKey,
        region: "us-east-1",
        endpoint: s3.url,
        bucket: BUCKET,
        prefix: "inbound/",
        fetchAll: "true",
      }),
    );
    const keys = listed.emails.map((e) => e.key);
    expect(keys.sort()).toEqual(vectors.map(keyOf).sort());
    expect(keys.some((k) => k.endsWith(".instruction"))).toBe(false);
    expect(listed.emails[0].messageId).toBe(listed.emails[0].key.split("/")[2]);

    const instr = vector("rb-v1-kms-cbc-instr-tiny");
    await harness.action("deleteReceivedEmail", {
      connection: accessKey,
      region: "us-east-1",
      endpoint: s3.url,
      bucket: BUCKET,
      objectKey: keyOf(instr),
    });
    const after = dataOf<{ emails: { key: string }[] }>(
      await harness.action("listReceivedEmails", {
        connection: accessKey,
        region: "us-east-1",
        endpoint: s3.url,
        bucket: BUCKET,
        prefix: "",
        fetchAll: "true",
      }),
    );
    expect(after.emails.map((e) => e.key)).not.toContain(keyOf(instr));
    await expect(
      harness.action("fetchReceivedEmail", {
        connection: accessKey,
        region: "us-east-1",
        endpoint: s3.url,
        bucket: BUCKET,
        objectKey: `${keyOf(instr)}.instruction`,
      }),
    ).rejects.toThrow();
  });
});
