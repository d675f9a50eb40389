import type { S3Client } from "@aws-sdk/client-s3";
import { type DecryptOptions, decryptObject, type UnwrapKey } from "../s3crypto/decrypt";
import { type Envelope, hasEnvelope, looksEncrypted, readEnvelope } from "../s3crypto/envelope";
import type { StoredMailLocation } from "./location";
import { readStoredObject, StoredObjectNotFound } from "./readStoredObject";

export interface EncryptionInfo {
  encrypted: boolean;
  contentAlgorithm: string | null;
  authenticated: boolean | null;
  envelopeSource: string | null;
  encryptionContext: Record<string, string>;
  /** The KMS key that unwrapped the data key (KMS's answer), or null when not encrypted. */
  kmsKeyId: string | null;
}

export interface StoredMail {
  raw: Buffer;
  storedSize: number;
  encryption: EncryptionInfo;
}

const INSTRUCTION_FILE_MAX_BYTES = 64 * 1024;
const GCM_TAG_BYTES = 16;

// At most a few names, and only the encryption client's: metadata keys are whoever wrote them.
const envelopeFieldsIn = (metadata: Record<string, string>) =>
  Object.keys(metadata)
    .filter((name) => /^x-amz-[a-z-]{1,40}$/.test(name))
    .sort()
    .slice(0, 8)
    .join(", ");

async function envelopeFor(
  s3: S3Client,
  location: StoredMailLocation,
  metadata: Record<string, string>,
) {
  if (hasEnvelope(metadata)) return readEnvelope(metadata, "metadata");
  // Only when the metadata shows an encryption client wrote the object: an unencrypted object
  // must not cost a GET of a KEY.instruction that does not exist (403 without s3:ListBucket).
  if (!looksEncrypted(metadata)) return undefined;
  const instruction = await readStoredObject(
    s3,
    location.bucket,
    `${location.key}.instruction`,
    INSTRUCTION_FILE_MAX_BYTES,
  ).catch((error: unknown) => {
    if (!(error instanceof StoredObjectNotFound)) throw error;
    throw new Error(
      `s3://${location.bucket}/${location.key} was written by the S3 encryption client (its metadata has ${envelopeFieldsIn(metadata)}) but holds no envelope (x-amz-key-v2), and the instruction file that would hold it, ${error.location}, does not exist. Without the envelope the mail cannot be decrypted: the instruction file was deleted, or not copied along with the object.`,
    );
  });
  let fields: Record<string, string>;
  try {
    fields = JSON.parse(instruction.body.toString("utf8"));
  } catch {
    throw new Error(
      `s3://${location.bucket}/${location.key}.instruction is not a JSON instruction file.`,
    );
  }
  return readEnvelope(fields, "instruction file", metadata["x-amz-unencrypted-content-length"]);
}

/**
 * Reads a message SES stored in S3 and, when the S3 encryption client encrypted it, decrypts
 * and authenticates it. With an expected account or rule, an unencrypted object is refused:
 * it carries no encryption context that could prove where it came from.
 */
/** The Fetch Email Content inputs a step has, as the size and decryption checks they ask for. */
export function storedMailChecks(inputs: {
  maxSizeMb: number;
  requireEncryption: boolean;
  expectedAccountId?: string;
  expectedRuleName?: string;
  expectedKmsKeyArn?: string;
  allowLegacyCbc: boolean;
}) {
  return {
    maxBytes: inputs.maxSizeMb * 1024 * 1024,
    requireEncryption: inputs.requireEncryption,
    decrypt: {
      expectedAccountId: inputs.expectedAccountId,
      expectedRuleName: inputs.expectedRuleName,
      expectedKmsKeyArn: inputs.expectedKmsKeyArn,
      allowUnauthenticatedCbc: inputs.allowLegacyCbc,
    },
  };
}

export async function fetchStoredMail(options: {
  s3: S3Client;
  unwrapKey: UnwrapKey;
  location: StoredMailLocation;
  maxBytes: number;
  /** Refuse an object the S3 encryption client did not write (an unencrypted replacement). */
  requireEncryption?: boolean;
  decrypt: DecryptOptions;
}): Promise<StoredMail> {
  const { s3, location } = options;
  // An encrypted body is the message plus its GCM tag.
  const object = await readStoredObject(
    s3,
    location.bucket,
    location.key,
    options.maxBytes + GCM_TAG_BYTES,
    `the Max Size of ${options.maxBytes} bytes`,
  );
  const envelope: Envelope | undefined = await envelopeFor(s3, location, object.metadata);
  if (!envelope) {
    if (options.requireEncryption) {
      throw new Error(
        `s3://${location.bucket}/${location.key} is not encrypted, but Require Encryption is on: refused (an unencrypted object can have been put there by anyone who can write to the bucket).`,
      );
    }
    const { expectedAccountId, expectedRuleName, expectedKmsKeyArn } = options.decrypt;
    if (expectedAccountId || expectedRuleName || expectedKmsKeyArn) {
      throw new Error(
        `s3://${location.bucket}/${location.key} is not encrypted, so its account, receipt rule and KMS key cannot be checked; clear Expected Account ID, Expected Rule Name and Expected KMS Key ARN for unencrypted receipt rules.`,
      );
    }
    if (object.body.length > options.maxBytes) {
      throw new Error(
        `The message is ${object.body.length} bytes, over the Max Size of ${options.maxBytes} bytes.`,
      );
    }
    return {
      raw: object.body,
      storedSize: object.body.length,
      encryption: {
        encrypted: false,
        contentAlgorithm: null,
        authenticated: null,
        envelopeSource: null,
        encryptionContext: {},
        kmsKeyId: null,
      },
    };
  }
  const storedSize = object.body.length;
  // The body was read for this call alone: it is decrypted where it lies.
  const decrypted = await decryptObject(object.body, envelope, options.unwrapKey, {
    ...options.decrypt,
    inPlace: true,
  });
  return {
    raw: decrypted.plaintext,
    storedSize,
    encryption: {
      encrypted: true,
      contentAlgorithm: decrypted.contentAlgorithm,
      authenticated: decrypted.authenticated,
      envelopeSource: envelope.source,
      encryptionContext: envelope.encryptionContext,
      kmsKeyId: decrypted.kmsKeyId,
    },
  };
}
