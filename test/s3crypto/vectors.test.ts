import { type DecryptOptions, decryptObject } from "../../src/s3crypto/decrypt";
import { DecryptionError } from "../../src/s3crypto/decryptionError";
import { readEnvelope } from "../../src/s3crypto/envelope";
import { loadVectors, sha256, stubKms, type Vector } from "../helpers/s3ecVectors";

const vectors = loadVectors();

function envelopeOf(vector: Vector) {
  return vector.instruction
    ? readEnvelope(
        JSON.parse(vector.instruction.toString("utf8")),
        "instruction file",
        vector.metadata["x-amz-unencrypted-content-length"],
      )
    : readEnvelope(vector.metadata, "metadata");
}

const optionsOf = (vector: Vector): DecryptOptions => ({
  expectedAccountId: vector.expect?.accountId,
  expectedRuleName: vector.expect?.ruleName,
  allowUnauthenticatedCbc: vector.mode.includes("cbc"),
});

/** How each negative vector must fail: a DecryptionError reason, or KMS's own refusal. */
const NEGATIVE: Record<string, string> = {
  "neg-context-altered": "InvalidCiphertextException",
  "neg-expected-rule-mismatch": "unexpected-encryption-context",
  "neg-gcm-ciphertext-flipped": "authentication-failed",
};

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof DecryptionError ? error.reason : (error as Error).name;
  }
  throw new Error("Expected decryption to fail, but it returned plaintext.");
}

describe("S3 encryption client vectors (reference Go and Ruby clients)", () => {
  it("are all here, positive and negative", () => {
    expect(vectors.filter((v) => v.expected.ok).length).toBeGreaterThanOrEqual(9);
    expect(
      vectors
        .filter((v) => !v.expected.ok)
        .map((v) => v.name)
        .sort(),
    ).toEqual(Object.keys(NEGATIVE).sort());
  });

  it.each(vectors.filter((v) => v.expected.ok).map((v) => [v.name, v] as const))(
    "%s decrypts to the expected SHA-256",
    async (_name, vector) => {
      const kms = stubKms(vector);
      const result = await decryptObject(
        vector.body,
        envelopeOf(vector),
        kms.unwrap,
        optionsOf(vector),
      );
      const expected = vector.expected as { plaintextSha256: string; plaintextLength: number };
      expect(sha256(result.plaintext)).toBe(expected.plaintextSha256);
      expect(result.plaintext.length).toBe(expected.plaintextLength);
      expect(result.plaintext.equals(vector.plain as Buffer)).toBe(true);
      expect(result.authenticated).toBe(!vector.mode.includes("cbc"));
      expect(kms.calls).toEqual([vector.kms.encryptionContext]);
    },
  );

  it.each(vectors.filter((v) => v.expected.ok).map((v) => [v.name, v] as const))(
    "%s decrypts in place (the body's own bytes become the plaintext) to the same bytes",
    async (_name, vector) => {
      const body = Buffer.from(vector.body);
      const result = await decryptObject(body, envelopeOf(vector), stubKms(vector).unwrap, {
        ...optionsOf(vector),
        inPlace: true,
      });
      expect(result.plaintext.equals(vector.plain as Buffer)).toBe(true);
      // No second copy: the plaintext is a view of the body it was read into.
      expect(result.plaintext.buffer).toBe(body.buffer);
      expect(result.plaintext.byteOffset).toBe(body.byteOffset);
    },
  );

  it("zeroes a body decrypted in place when its GCM tag fails", async () => {
    const vector = vectors.find((v) => v.name === "neg-gcm-ciphertext-flipped") as Vector;
    const body = Buffer.from(vector.body);
    const reason = await failureOf(
      decryptObject(body, envelopeOf(vector), stubKms(vector).unwrap, {
        ...optionsOf(vector),
        inPlace: true,
      }),
    );
    expect(reason).toBe("authentication-failed");
    expect(body.subarray(0, body.length - 16).every((byte) => byte === 0)).toBe(true);
  });

  it.each(vectors.filter((v) => !v.expected.ok).map((v) => [v.name, v] as const))(
    "%s is refused for the right reason",
    async (name, vector) => {
      const kms = stubKms(vector);
      expect(
        await failureOf(
          decryptObject(vector.body, envelopeOf(vector), kms.unwrap, optionsOf(vector)),
        ),
      ).toBe(NEGATIVE[name]);
    },
  );
});

describe("tampering and bad envelopes", () => {
  const gcm = vectors.find((v) => v.name === "go-v1-kms-gcm-sesctx-tiny") as Vector;
  const v2 = vectors.find((v) => v.name === "go-v2-kmsctx-gcm-tiny") as Vector;
  const cbc = vectors.find((v) => v.name === "go-v1-kms-cbc-tiny") as Vector;

  const attempt = (
    vector: Vector,
    change: {
      body?: Buffer;
      metadata?: Record<string, string | undefined>;
      options?: DecryptOptions;
      key?: Buffer;
    },
  ) => {
    const kms = stubKms(vector);
    const metadata = Object.fromEntries(
      Object.entries({ ...vector.metadata, ...change.metadata }).filter(
        ([, value]) => value !== undefined,
      ),
    ) as Record<string, string>;
    const unwrap = change.key
      ? async () => ({ dataKey: change.key as Buffer, keyId: null })
      : kms.unwrap;
    const run = async () =>
      decryptObject(change.body ?? vector.body, readEnvelope(metadata, "metadata"), unwrap, {
        ...optionsOf(vector),
        ...change.options,
      });
    return { result: failureOf(run()), kms };
  };

  const flipped = (bytes: Buffer, index: number) => {
    const copy = Buffer.from(bytes);
    copy[index < 0 ? copy.length + index : index] ^= 0x01;
    return copy;
  };

  it.each<[string, () => ReturnType<typeof attempt>, string, boolean]>([
    [
      "a truncated GCM body",
      () => attempt(gcm, { body: gcm.body.subarray(0, -1) }),
      "length-mismatch",
      false,
    ],
    [
      "a GCM body with a byte appended",
      () => attempt(gcm, { body: Buffer.concat([gcm.body, Buffer.from([0])]) }),
      "length-mismatch",
      false,
    ],
    [
      "a GCM body shorter than its tag",
      () =>
        attempt(gcm, {
          body: gcm.body.subarray(0, 10),
          metadata: { "x-amz-unencrypted-content-length": undefined },
        }),
      "length-mismatch",
      false,
    ],
    [
      "a flipped GCM tag byte",
      () => attempt(gcm, { body: flipped(gcm.body, -1) }),
      "authentication-failed",
      true,
    ],
    [
      "a flipped first ciphertext byte",
      () => attempt(gcm, { body: flipped(gcm.body, 0) }),
      "authentication-failed",
      true,
    ],
    [
      "a changed unencrypted length",
      () => attempt(gcm, { metadata: { "x-amz-unencrypted-content-length": "1152" } }),
      "length-mismatch",
      false,
    ],
    [
      "an altered encryption context",
      () =>
        attempt(gcm, {
          metadata: {
            "x-amz-matdesc": gcm.metadata["x-amz-matdesc"].replace(
              "store-inbound",
              "store-inbounD",
            ),
          },
          options: { expectedRuleName: undefined },
        }),
      "InvalidCiphertextException",
      true,
    ],
    [
      "another account than expected",
      () => attempt(gcm, { options: { expectedAccountId: "999999999999" } }),
      "unexpected-encryption-context",
      false,
    ],
    [
      "an expected rule the context lacks",
      () =>
        attempt(vectors.find((v) => v.name === "rb-v1-kms-cbc-tiny") as Vector, {
          options: { expectedRuleName: "store-inbound" },
        }),
      "unexpected-encryption-context",
      false,
    ],
    [
      "a kms+context cek alg that disagrees",
      () =>
        attempt(v2, {
          metadata: {
            "x-amz-matdesc": v2.metadata["x-amz-matdesc"].replace(
              '"aws:x-amz-cek-alg":"AES/GCM/NoPadding"',
              '"aws:x-amz-cek-alg":"AES/CBC/PKCS5Padding"',
            ),
          },
        }),
      "cek-algorithm-mismatch",
      false,
    ],
    [
      "an unknown content algorithm",
      () => attempt(gcm, { metadata: { "x-amz-cek-alg": "AES/CTR/NoPadding" } }),
      "unsupported-content-algorithm",
      false,
    ],
    [
      "an unknown wrap algorithm",
      () => attempt(gcm, { metadata: { "x-amz-wrap-alg": "AESWrap" } }),
      "unsupported-wrap-algorithm",
      false,
    ],
    [
      "a master-key (x-amz-key) envelope",
      () => attempt(gcm, { metadata: { "x-amz-key-v2": undefined, "x-amz-key": "AAAA" } }),
      "unsupported-wrap-algorithm",
      false,
    ],
    [
      "no wrapped key",
      () => attempt(gcm, { metadata: { "x-amz-key-v2": undefined } }),
      "missing-envelope",
      false,
    ],
    [
      "no IV",
      () => attempt(gcm, { metadata: { "x-amz-iv": undefined } }),
      "missing-envelope",
      false,
    ],
    [
      "a 16-byte GCM IV",
      () => attempt(gcm, { metadata: { "x-amz-iv": Buffer.alloc(16).toString("base64") } }),
      "malformed-envelope",
      false,
    ],
    [
      "a 96-bit GCM tag",
      () => attempt(gcm, { metadata: { "x-amz-tag-len": "96" } }),
      "malformed-envelope",
      false,
    ],
    [
      "a matdesc that is not JSON",
      () => attempt(gcm, { metadata: { "x-amz-matdesc": "{oops" } }),
      "malformed-envelope",
      false,
    ],
    [
      "a data key of the wrong size",
      () => attempt(gcm, { key: Buffer.alloc(31) }),
      "bad-data-key",
      false,
    ],
    [
      "legacy CBC without consent",
      () => attempt(cbc, { options: { allowUnauthenticatedCbc: false } }),
      "unauthenticated-cbc-refused",
      false,
    ],
    [
      "a truncated CBC body",
      () => attempt(cbc, { body: cbc.body.subarray(0, -16) }),
      "length-mismatch",
      false,
    ],
    [
      "a CBC body not in whole blocks",
      () => attempt(cbc, { body: cbc.body.subarray(0, -3) }),
      "length-mismatch",
      false,
    ],
    [
      "a CBC last block altered",
      () => attempt(cbc, { body: flipped(cbc.body, -1) }),
      "bad-padding",
      true,
    ],
  ])("refuses %s", async (_case, run, reason, reachesKms) => {
    const { result, kms } = run();
    expect(await result).toBe(reason);
    // What can be seen without KMS is refused without calling it.
    if (!reachesKms) expect(kms.calls).toHaveLength(0);
  });
});
