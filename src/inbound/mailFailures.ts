import { StoredObjectCutShort, StoredObjectNotFound } from "./readStoredObject";

/**
 * What a failure to fetch one stored mail means for a trigger that polls the bucket:
 * - "mail": this mail cannot be read as it is (it does not decrypt or authenticate, is over Max
 *   Size, is not encrypted when it must be, was deleted meanwhile): report it once and move on,
 *   reading it again would fail the same way;
 * - "retry": S3 or KMS was busy or the connection dropped: stop here, the next poll starts again
 *   from this mail;
 * - "setup": the Connection, bucket or key cannot be used (access denied, no such bucket, KMS key
 *   disabled): fail the poll, so the execution shows it, until the set-up is fixed.
 */
export type MailFailure = "mail" | "retry" | "setup";

interface AwsErrorShape {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

// Names the SDK gives to answers that say "try later".
const BUSY = new Set([
  "SlowDown",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "InternalError",
  "KMSInternalException",
  "DependencyTimeoutException",
  "RequestTimeout",
  "RequestTimeoutException",
]);
// KMS's and S3's answers about this object or its envelope, not about the set-up.
const ABOUT_THE_MAIL = new Set([
  "InvalidCiphertextException",
  "IncorrectKeyException",
  "InvalidKeyUsageException",
  "NoSuchKey",
]);
const NETWORK = new Set([
  "ECONNRESET",
  "ETIMEDOUT",
  "ECONNREFUSED",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

export function classifyMailFailure(error: unknown): MailFailure {
  if (error instanceof StoredObjectNotFound) return "mail";
  if (error instanceof StoredObjectCutShort) return "retry";
  const failure = (error ?? {}) as AwsErrorShape;
  if (failure.code && NETWORK.has(failure.code)) return "retry";
  if (failure.name === "TimeoutError" || failure.name === "AbortError") return "retry";
  if (failure.$metadata) {
    const name = failure.name ?? "";
    if (ABOUT_THE_MAIL.has(name)) return "mail";
    const status = failure.$metadata.httpStatusCode ?? 0;
    if (BUSY.has(name) || failure.$retryable || status >= 500 || status === 429) return "retry";
    return "setup";
  }
  // The component's own checks: decryption, authentication, size, envelope, encryption rules.
  return "mail";
}
