import { type KeyObject, verify } from "node:crypto";
import type { CertificateCache } from "./certificateCache";
import { type SnsMessage, SnsRejection, stringToSign } from "./snsMessage";
import { assertTrustedCertificateUrl } from "./trustedUrls";

const HASH_BY_VERSION: Record<string, string> = { "1": "sha1", "2": "sha256" };

export interface VerifyOptions {
  /**
   * The only topics whose messages are accepted. A valid signature proves only that SNS sent a
   * message, and any AWS account can point a topic at a known URL: so none is accepted when empty.
   */
  acceptedTopicArns: readonly string[];
  /** Messages SNS sent longer ago than this are refused (replay protection). */
  maxAgeSeconds: number;
  /** Refuse SignatureVersion 1 (SHA1withRSA), which SNS still uses unless a topic asks for 2. */
  requireSignatureVersion2?: boolean;
  now?: () => number;
}

/** How far in the future a Timestamp may be: clock skew between SNS and this host, no more. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

// Text from the request goes into errors and logs quoted and bounded.
const quoted = (text: string) => JSON.stringify(text.slice(0, 300));

/** Refuses a message whose topic is not one of the accepted topics (all, when there are none). */
export function assertAcceptedTopic(message: SnsMessage, acceptedTopicArns: readonly string[]) {
  if (acceptedTopicArns.length === 0) {
    throw new SnsRejection(
      "no-topics-configured",
      `no SNS topic is configured, so no message is accepted (this one is from topic ${quoted(message.TopicArn)}).`,
    );
  }
  if (!acceptedTopicArns.includes(message.TopicArn)) {
    throw new SnsRejection(
      "topic-not-allowed",
      `topic ${quoted(message.TopicArn)} is not one of the accepted topics (${acceptedTopicArns.join(", ")}).`,
    );
  }
}

/** Refuses a Timestamp that is unreadable, older than the allowed age, or in the future. */
function assertFresh(timestamp: string, maxAgeSeconds: number, now: number) {
  const sent = Date.parse(timestamp);
  const age = (now - sent) / 1000;
  if (Number.isNaN(sent) || age > maxAgeSeconds) {
    throw new SnsRejection(
      "too-old",
      `the message was sent at ${quoted(timestamp)}, more than ${maxAgeSeconds} s ago.`,
    );
  }
  if (age < -MAX_CLOCK_SKEW_SECONDS) {
    throw new SnsRejection(
      "from-the-future",
      `the message's Timestamp ${timestamp} is more than ${MAX_CLOCK_SKEW_SECONDS} s in the future.`,
    );
  }
}

/**
 * Verifies an SNS message: topic and age first (no I/O, so a foreign topic costs no fetch), then
 * the certificate URL (before any fetch), then the RSA signature over the string SNS signed.
 * Returns the message itself only for a genuine message from an accepted topic, at once when the
 * certificate already verified a message (the warm path takes no promise), else once it is
 * fetched; anything else throws an SnsRejection (synchronously, or as the promise's rejection).
 */
export function verifySnsMessageNow(
  message: SnsMessage,
  certificates: CertificateCache,
  options: VerifyOptions,
): SnsMessage | Promise<SnsMessage> {
  const hash = HASH_BY_VERSION[message.SignatureVersion];
  if (!hash) {
    throw new SnsRejection(
      "unknown-signature-version",
      `SignatureVersion ${JSON.stringify(message.SignatureVersion)} is not 1 or 2.`,
    );
  }
  assertAcceptedTopic(message, options.acceptedTopicArns);
  if (options.requireSignatureVersion2 && message.SignatureVersion !== "2") {
    throw new SnsRejection(
      "unknown-signature-version",
      `SignatureVersion ${JSON.stringify(message.SignatureVersion)} is refused: only 2 (SHA256withRSA) is accepted. Set the topic's SignatureVersion attribute to 2.`,
    );
  }
  assertFresh(message.Timestamp, options.maxAgeSeconds, options.now ? options.now() : Date.now());
  // The URL is checked before any fetch (and on every message: the region is the topic's).
  const certificateUrl = assertTrustedCertificateUrl(message.SigningCertURL, message.TopicArn);
  const trusted = certificates.trustedKey(certificateUrl);
  if (trusted) {
    assertSignature(message, hash, trusted);
    return message;
  }
  return Promise.resolve(certificates.publicKey(certificateUrl)).then((publicKey) => {
    assertSignature(message, hash, publicKey);
    certificates.markVerified(certificateUrl, publicKey);
    return message;
  });
}

/** verifySnsMessageNow, always as a promise. */
export async function verifySnsMessage(
  message: SnsMessage,
  certificates: CertificateCache,
  options: VerifyOptions,
): Promise<SnsMessage> {
  return verifySnsMessageNow(message, certificates, options);
}

function assertSignature(message: SnsMessage, hash: string, publicKey: KeyObject) {
  const signature = Buffer.from(message.Signature, "base64");
  if (!verify(hash, Buffer.from(stringToSign(message), "utf8"), publicKey, signature)) {
    throw new SnsRejection("bad-signature", "the signature does not match the message.");
  }
}
