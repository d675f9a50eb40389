import { DecryptionError } from "./decryptionError";

export const GCM = "AES/GCM/NoPadding";
export const CBC = "AES/CBC/PKCS5Padding";
export type ContentAlgorithm = typeof GCM | typeof CBC;
export type WrapAlgorithm = "kms" | "kms+context";

/**
 * The S3 encryption client's envelope: the KMS-wrapped data key and how the body was encrypted.
 * It is stored in the object's metadata, or in an instruction file (KEY.instruction).
 */
export interface Envelope {
  wrappedKey: Buffer;
  iv: Buffer;
  contentAlgorithm: ContentAlgorithm;
  wrapAlgorithm: WrapAlgorithm;
  /** x-amz-matdesc: the KMS encryption context the data key was wrapped with. */
  encryptionContext: Record<string, string>;
  tagLengthBits: number | null;
  unencryptedLength: number | null;
  source: "metadata" | "instruction file";
}

const ENVELOPE_KEYS = ["x-amz-key-v2", "x-amz-key", "x-amz-iv", "x-amz-cek-alg", "x-amz-matdesc"];

/** Object metadata (names without x-amz-meta-) holds the whole envelope. */
export function hasEnvelope(metadata: Record<string, string>): boolean {
  return "x-amz-key-v2" in metadata || "x-amz-key" in metadata;
}

/** The metadata shows an encryption client wrote the object (envelope here or in KEY.instruction). */
export function looksEncrypted(metadata: Record<string, string>): boolean {
  return [...ENVELOPE_KEYS, "x-amz-unencrypted-content-length", "x-amz-wrap-alg"].some(
    (key) => key in metadata,
  );
}

function malformed(message: string): never {
  throw new DecryptionError("malformed-envelope", message);
}

function base64Field(fields: Record<string, string>, name: string): Buffer {
  const value = fields[name];
  if (!value) throw new DecryptionError("missing-envelope", `The envelope has no ${name}.`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) malformed(`The envelope's ${name} is not base64.`);
  return Buffer.from(value, "base64");
}

function wholeNumber(name: string, value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  if (!/^\d+$/.test(value)) malformed(`The envelope's ${name} "${value}" is not a whole number.`);
  return Number(value);
}

/**
 * Reads and checks an envelope. `unencryptedLength` comes from the object's own metadata when
 * the envelope is in an instruction file.
 */
export function readEnvelope(
  fields: Record<string, string>,
  source: Envelope["source"],
  unencryptedLength?: string,
): Envelope {
  if (!fields["x-amz-key-v2"] && fields["x-amz-key"]) {
    throw new DecryptionError(
      "unsupported-wrap-algorithm",
      "The object was encrypted with a client-side master key (x-amz-key), not with KMS; only KMS-wrapped keys (as SES uses) can be decrypted here.",
    );
  }
  const wrappedKey = base64Field(fields, "x-amz-key-v2");
  const iv = base64Field(fields, "x-amz-iv");

  const wrapAlgorithm = fields["x-amz-wrap-alg"];
  if (wrapAlgorithm !== "kms" && wrapAlgorithm !== "kms+context") {
    throw new DecryptionError(
      "unsupported-wrap-algorithm",
      `Key wrap algorithm "${wrapAlgorithm ?? "(none)"}" is not supported; expected kms or kms+context.`,
    );
  }
  const contentAlgorithm = fields["x-amz-cek-alg"];
  if (contentAlgorithm !== GCM && contentAlgorithm !== CBC) {
    throw new DecryptionError(
      "unsupported-content-algorithm",
      `Content algorithm "${contentAlgorithm ?? "(none)"}" is not supported; expected ${GCM} or ${CBC}.`,
    );
  }

  let encryptionContext: Record<string, string>;
  try {
    encryptionContext = JSON.parse(fields["x-amz-matdesc"] ?? "{}");
  } catch {
    malformed("The envelope's x-amz-matdesc is not JSON.");
  }
  if (
    !encryptionContext ||
    typeof encryptionContext !== "object" ||
    Array.isArray(encryptionContext) ||
    Object.values(encryptionContext).some((value) => typeof value !== "string")
  ) {
    malformed("The envelope's x-amz-matdesc must be a JSON object of strings.");
  }

  const tagLengthBits = wholeNumber("x-amz-tag-len", fields["x-amz-tag-len"]);
  if (contentAlgorithm === GCM) {
    if (iv.length !== 12) malformed(`An ${GCM} IV must be 12 bytes, not ${iv.length}.`);
    if (tagLengthBits !== null && tagLengthBits !== 128) {
      malformed(`An ${GCM} tag must be 128 bits, not ${tagLengthBits}.`);
    }
  } else if (iv.length !== 16) {
    malformed(`An ${CBC} IV must be 16 bytes, not ${iv.length}.`);
  }

  return {
    wrappedKey,
    iv,
    contentAlgorithm,
    wrapAlgorithm,
    encryptionContext,
    tagLengthBits,
    unencryptedLength: wholeNumber(
      "x-amz-unencrypted-content-length",
      fields["x-amz-unencrypted-content-length"] ?? unencryptedLength,
    ),
    source,
  };
}
