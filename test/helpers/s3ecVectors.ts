import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { UnwrapKey } from "../../src/s3crypto/decrypt";

/** test/fixtures/s3ec: objects written by the reference Go and Ruby S3 encryption clients. */
export const VECTOR_DIR = join(__dirname, "..", "fixtures", "s3ec");

export interface Vector {
  name: string;
  mode: string;
  s3: { bucket: string; key: string };
  metadata: Record<string, string>;
  instructionFile?: Record<string, string>;
  kms: {
    ciphertextBlob: string;
    encryptionContext: Record<string, string>;
    plaintextKey: string;
    keyId: string;
  };
  expect?: { ruleName?: string; accountId?: string };
  expected:
    | { ok: true; plaintextSha256: string; plaintextLength: number }
    | { ok: false; reason: string };
  body: Buffer;
  instruction?: Buffer;
  plain?: Buffer;
}

export function loadVectors(): Vector[] {
  return readdirSync(VECTOR_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const name = file.slice(0, -".json".length);
      const read = (ext: string) => {
        const path = join(VECTOR_DIR, `${name}.${ext}`);
        return existsSync(path) ? readFileSync(path) : undefined;
      };
      const vector = JSON.parse(readFileSync(join(VECTOR_DIR, file), "utf8"));
      return {
        ...vector,
        name,
        body: read("body"),
        instruction: read("instruction"),
        plain: read("plain"),
      };
    });
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A KMS error as the SDK raises it. */
export function kmsError(name: string, message: string) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: 400, requestId: "kms-req-1" },
  });
}

/**
 * What the fixtures' README says a stub KMS must do: return the data key only for exactly the
 * wrapped key and encryption context it was made with; otherwise InvalidCiphertextException.
 */
export function stubKms(vector: Vector) {
  const calls: Record<string, string>[] = [];
  const unwrap: UnwrapKey = async (wrappedKey, context, expectedKeyId) => {
    calls.push(context);
    if (expectedKeyId && expectedKeyId !== vector.kms.keyId)
      throw kmsError(
        "IncorrectKeyException",
        "The key ID in the request does not identify the key.",
      );
    const sameBlob = wrappedKey.equals(Buffer.from(vector.kms.ciphertextBlob, "base64"));
    const expected = vector.kms.encryptionContext;
    const sameContext =
      Object.keys(context).length === Object.keys(expected).length &&
      Object.entries(expected).every(([key, value]) => context[key] === value);
    if (!sameBlob || !sameContext)
      throw kmsError("InvalidCiphertextException", "KMS could not decrypt the ciphertext.");
    return { dataKey: Buffer.from(vector.kms.plaintextKey, "base64"), keyId: vector.kms.keyId };
  };
  return { unwrap, calls };
}
