import { type CipherGCMTypes, createDecipheriv } from "node:crypto";
import { DecryptionError } from "./decryptionError";
import { CBC, type ContentAlgorithm, type Envelope, GCM } from "./envelope";

/**
 * KMS Decrypt of the wrapped data key with this encryption context (and only under
 * `expectedKeyId`, when given), injected so this stays pure. Resolves with the data key and the
 * ARN of the KMS key that unwrapped it.
 */
export type UnwrapKey = (
  wrappedKey: Buffer,
  encryptionContext: Record<string, string>,
  expectedKeyId?: string,
) => Promise<{ dataKey: Buffer; keyId: string | null }>;

export interface DecryptOptions {
  /**
   * The KMS key that must have wrapped the data key. The encryption context is chosen by
   * whoever encrypts, so only the key shows that the mail was encrypted by the expected party.
   */
  expectedKmsKeyArn?: string;
  /** aws:ses:source-account must equal this, when given. */
  expectedAccountId?: string;
  /** aws:ses:rule-name must equal this, when given. */
  expectedRuleName?: string;
  /** AES-CBC has no integrity check: refuse it unless the caller accepts that. */
  allowUnauthenticatedCbc?: boolean;
  /**
   * Decrypt into the body's own bytes, so a 40 MB mail is held once: the body is overwritten
   * (and zeroed when authentication fails), so only a caller that owns it may ask for this.
   */
  inPlace?: boolean;
}

export interface Decrypted {
  plaintext: Buffer;
  contentAlgorithm: ContentAlgorithm;
  /** True when the content was verified (GCM tag); false for legacy CBC. */
  authenticated: boolean;
  /** The KMS key that unwrapped the data key, as KMS reported it. */
  kmsKeyId: string | null;
}

const GCM_TAG_BYTES = 16;
const AES_BLOCK = 16;

function checkExpected(
  context: Record<string, string>,
  key: string,
  label: string,
  expected?: string,
) {
  if (expected === undefined || expected === "") return;
  const actual = context[key];
  if (actual !== expected) {
    throw new DecryptionError(
      "unexpected-encryption-context",
      actual === undefined
        ? `The mail's encryption context has no ${key}, so it cannot be shown to come from ${label} "${expected}"; refused.`
        : `The mail's encryption context says ${key} is "${actual}", but ${label} "${expected}" was expected; refused (it was stored by another ${label === "account" ? "account" : "receipt rule"}).`,
    );
  }
}

/** Refuses a body whose length cannot be the encryption of the stated plaintext length. */
function checkLength(body: Buffer, envelope: Envelope): void {
  const plain = envelope.unencryptedLength;
  if (envelope.contentAlgorithm === GCM) {
    if (body.length < GCM_TAG_BYTES) {
      throw new DecryptionError(
        "length-mismatch",
        `The body is ${body.length} bytes, shorter than the GCM tag: it is truncated.`,
      );
    }
    if (plain !== null && body.length !== plain + GCM_TAG_BYTES) {
      throw new DecryptionError(
        "length-mismatch",
        `The body is ${body.length} bytes, but x-amz-unencrypted-content-length says ${plain} (${plain + GCM_TAG_BYTES} with the tag): it is truncated or altered.`,
      );
    }
    return;
  }
  if (body.length === 0 || body.length % AES_BLOCK !== 0) {
    throw new DecryptionError(
      "length-mismatch",
      `The body is ${body.length} bytes, not a whole number of AES blocks: it is truncated or altered.`,
    );
  }
  if (plain !== null && body.length !== (Math.floor(plain / AES_BLOCK) + 1) * AES_BLOCK) {
    throw new DecryptionError(
      "length-mismatch",
      `The body is ${body.length} bytes, which cannot hold the ${plain} bytes x-amz-unencrypted-content-length states: it is truncated or altered.`,
    );
  }
}

// Deciphered this many bytes at a time, each chunk's plaintext written where it goes at once.
const CHUNK_BYTES = 1024 * 1024;

type Decipher = { update(data: Buffer): Buffer; final(): Buffer };

/**
 * Runs `input` through the cipher into `target` and returns the bytes written. `target` may be
 * `input` itself: each chunk's output is written only over bytes already read (AES-GCM gives
 * back as many bytes as it takes, AES-CBC never more), so the message is held once, not twice.
 */
function decipherInto(aes: Decipher, input: Buffer, target: Buffer): number {
  let written = 0;
  for (let offset = 0; offset < input.length; offset += CHUNK_BYTES) {
    const chunk = aes.update(input.subarray(offset, offset + CHUNK_BYTES));
    written += chunk.copy(target, written);
    release(chunk);
  }
  return written;
}

// ArrayBuffer.prototype.transfer (ES2024; Node 21+) detaches a buffer and frees its memory now.
const canRelease = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === "function";

/**
 * Frees a chunk the cipher allocated and nothing else holds, at once instead of at the next
 * garbage collection: otherwise a 40 MB mail leaves 40 MB of spent chunks beside its plaintext,
 * and the peak is twice the message. Only a chunk that owns its whole ArrayBuffer is freed (a
 * pooled Buffer shares one with others).
 */
function release(chunk: Buffer): void {
  if (canRelease && chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length) {
    (chunk.buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer }).transfer(0);
  }
}

function decipher(body: Buffer, envelope: Envelope, key: Buffer, inPlace: boolean): Buffer {
  const bits = key.length * 8;
  if (envelope.contentAlgorithm === GCM) {
    const ciphertext = body.subarray(0, body.length - GCM_TAG_BYTES);
    const aes = createDecipheriv(`aes-${bits}-gcm` as CipherGCMTypes, key, envelope.iv, {
      authTagLength: GCM_TAG_BYTES,
    });
    // The tag is read before the body is overwritten.
    aes.setAuthTag(Buffer.from(body.subarray(body.length - GCM_TAG_BYTES)));
    const plaintext = inPlace ? ciphertext : Buffer.allocUnsafe(ciphertext.length);
    decipherInto(aes, ciphertext, plaintext);
    try {
      // The tag is checked here; until it passes, the plaintext above must not leave.
      aes.final();
      return plaintext;
    } catch {
      plaintext.fill(0);
      throw new DecryptionError(
        "authentication-failed",
        "The mail failed GCM authentication: the stored object was altered or corrupted (or the key is wrong). Nothing was decrypted.",
      );
    }
  }
  const aes = createDecipheriv(`aes-${bits}-cbc`, key, envelope.iv);
  const plaintext = inPlace ? body : Buffer.allocUnsafe(body.length);
  try {
    const written = decipherInto(aes, body, plaintext);
    return plaintext.subarray(0, written + aes.final().copy(plaintext, written));
  } catch {
    plaintext.fill(0);
    throw new DecryptionError(
      "bad-padding",
      "The mail's AES-CBC padding is invalid: the object was altered or corrupted.",
    );
  }
}

/**
 * Decrypts an S3 encryption client object. Everything that can be checked before KMS is
 * checked first; the plaintext is returned only once it is complete and, for GCM, verified.
 */
export async function decryptObject(
  body: Buffer,
  envelope: Envelope,
  unwrapKey: UnwrapKey,
  options: DecryptOptions = {},
): Promise<Decrypted> {
  const context = envelope.encryptionContext;
  checkExpected(context, "aws:ses:source-account", "account", options.expectedAccountId);
  checkExpected(context, "aws:ses:rule-name", "rule", options.expectedRuleName);
  if (
    envelope.wrapAlgorithm === "kms+context" &&
    context["aws:x-amz-cek-alg"] !== envelope.contentAlgorithm
  ) {
    throw new DecryptionError(
      "cek-algorithm-mismatch",
      `The encryption context's aws:x-amz-cek-alg ("${context["aws:x-amz-cek-alg"] ?? "(none)"}") differs from the content algorithm ${envelope.contentAlgorithm}: the metadata was altered.`,
    );
  }
  if (envelope.contentAlgorithm === CBC && !options.allowUnauthenticatedCbc) {
    throw new DecryptionError(
      "unauthenticated-cbc-refused",
      `The mail is encrypted with legacy ${CBC}, which has no integrity check, so tampering could not be detected. SES itself uses AES-GCM; enable "Allow Legacy AES-CBC" only for objects you know another client wrote.`,
    );
  }
  checkLength(body, envelope);

  const { dataKey: key, keyId } = await unwrapKey(
    envelope.wrappedKey,
    context,
    options.expectedKmsKeyArn,
  );
  try {
    // KMS refuses another key when given KeyId; checked again in case something in between did not.
    if (options.expectedKmsKeyArn && keyId !== options.expectedKmsKeyArn) {
      throw new DecryptionError(
        "unexpected-kms-key",
        `The mail's data key was wrapped under KMS key ${keyId ?? "(not reported)"}, not the expected ${options.expectedKmsKeyArn}; refused.`,
      );
    }
    // The encryption context is whoever encrypted's choice; the key's account is not. A mail
    // wrapped under another account's key (one that lets this principal decrypt) is refused.
    const keyAccount = keyId ? /^arn:aws[a-z-]*:kms:[^:]*:(\d{12}):/.exec(keyId)?.[1] : undefined;
    if (options.expectedAccountId && keyAccount && keyAccount !== options.expectedAccountId) {
      throw new DecryptionError(
        "unexpected-kms-key",
        `The mail's data key was wrapped under KMS key ${keyId}, in account ${keyAccount}, not in the expected account ${options.expectedAccountId}; refused (the encryption context alone can be written by anyone who encrypts).`,
      );
    }
    if (![16, 24, 32].includes(key.length)) {
      throw new DecryptionError(
        "bad-data-key",
        `KMS returned a ${key.length}-byte data key; an AES key is 16, 24 or 32 bytes.`,
      );
    }
    const plaintext = decipher(body, envelope, key, options.inPlace === true);
    if (envelope.unencryptedLength !== null && plaintext.length !== envelope.unencryptedLength) {
      plaintext.fill(0);
      throw new DecryptionError(
        "length-mismatch",
        `The decrypted mail is ${plaintext.length} bytes, but x-amz-unencrypted-content-length says ${envelope.unencryptedLength}.`,
      );
    }
    return {
      plaintext,
      contentAlgorithm: envelope.contentAlgorithm,
      authenticated: envelope.contentAlgorithm === GCM,
      kmsKeyId: keyId,
    };
  } finally {
    key.fill(0); // the data key is not needed past this point
  }
}
