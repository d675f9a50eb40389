import { verify } from "node:crypto";
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
  /** Messages older than this are refused, when given (replay protection). */
  maxAgeSeconds?: number;
  now?: () => number;
}

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

/**
 * Verifies an SNS message: topic and age first (no I/O, so a foreign topic costs no fetch), then
 * the certificate URL (before any fetch), then the RSA signature over the string SNS signed.
 * Resolves only for a genuine message from an accepted topic.
 */
export async function verifySnsMessage(
  message: SnsMessage,
  certificates: CertificateCache,
  options: VerifyOptions,
): Promise<SnsMessage> {
  const hash = HASH_BY_VERSION[message.SignatureVersion];
  if (!hash) {
    throw new SnsRejection(
      "unknown-signature-version",
      `SignatureVersion ${JSON.stringify(message.SignatureVersion)} is not 1 or 2.`,
    );
  }
  assertAcceptedTopic(message, options.acceptedTopicArns);
  if (options.maxAgeSeconds !== undefined) {
    const sent = Date.parse(message.Timestamp);
    const age = ((options.now ?? Date.now)() - sent) / 1000;
    if (Number.isNaN(sent) || age > options.maxAgeSeconds) {
      throw new SnsRejection(
        "too-old",
        `the message was sent at ${message.Timestamp}, more than ${options.maxAgeSeconds} s ago.`,
      );
    }
  }
  // The URL is checked before any fetch; a cached certificate's URL was checked when cached.
  const publicKey = await certificates.publicKeyFor(
    message.SigningCertURL,
    assertTrustedCertificateUrl,
  );
  const signature = Buffer.from(message.Signature, "base64");
  if (!verify(hash, Buffer.from(stringToSign(message), "utf8"), publicKey, signature)) {
    throw new SnsRejection("bad-signature", "the signature does not match the message.");
  }
  return message;
}
