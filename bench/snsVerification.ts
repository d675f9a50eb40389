import { createPublicKey, sign, verify, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CertificateCache } from "../src/sns/certificateCache";
import { type SnsMessage, stringToSign } from "../src/sns/snsMessage";
import { verifySnsMessage, verifySnsMessageNow } from "../src/sns/verifySignature";
import { repoPath } from "./measure";
import { interleavedRounds, median, ratioSpread, repeat } from "./rounds";

const FIXTURES = repoPath("test", "fixtures", "sns");
const CERT = readFileSync(join(FIXTURES, "test-signing-cert.pem"), "utf8");
const KEY = readFileSync(join(FIXTURES, "test-signing-key.pem"), "utf8");
export const SNS_ROUNDS = 21;

function message(version: "1" | "2"): SnsMessage {
  const unsigned = {
    Type: "Notification",
    MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    TopicArn: "arn:aws:sns:us-east-1:111122223333:ses-notifications",
    Subject: "Amazon SES Email Event Notification",
    Message: JSON.stringify({
      notificationType: "Bounce",
      bounce: { bounceType: "Permanent" },
      mail: { messageId: "x" },
    }),
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    SigningCertURL:
      "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000000000be9c.pem",
    Signature: "",
  } as SnsMessage;
  unsigned.Signature = sign(
    version === "1" ? "sha1" : "sha256",
    Buffer.from(stringToSign(unsigned)),
    KEY,
  ).toString("base64");
  return unsigned;
}

/**
 * Ours (warm cache) against two baselines of the same message and key: the work every verifier
 * does (build the string to sign, written out here by hand, decode the signature, crypto.verify),
 * and bare crypto.verify with both precomputed.
 */
export async function benchSnsVerification() {
  const rows = [];
  for (const version of ["1", "2"] as const) {
    const sns = message(version);
    const options = { acceptedTopicArns: [sns.TopicArn], maxAgeSeconds: 3600 };
    const cache = new CertificateCache(async () => CERT);
    await verifySnsMessage(sns, cache, options); // fetched once, then trusted
    const key = createPublicKey(
      new X509Certificate(CERT).publicKey.export({ type: "spki", format: "pem" }),
    );
    const hash = version === "1" ? "sha1" : "sha256";
    const data = Buffer.from(stringToSign(sns));
    const signature = Buffer.from(sns.Signature, "base64");
    const rounds = await interleavedRounds(
      {
        ours: repeat(40, () => {
          if (verifySnsMessageNow(sns, cache, options) !== sns) throw new Error("not warm");
        }),
        verifier: repeat(40, () => {
          const text = `Message\n${sns.Message}\nMessageId\n${sns.MessageId}\nSubject\n${sns.Subject}\nTimestamp\n${sns.Timestamp}\nTopicArn\n${sns.TopicArn}\nType\n${sns.Type}\n`;
          if (!verify(hash, Buffer.from(text), key, Buffer.from(sns.Signature, "base64"))) {
            throw new Error("baseline failed");
          }
        }),
        bare: repeat(40, () => {
          verify(hash, data, key, signature);
        }),
      },
      { rounds: SNS_ROUNDS, chunks: 60, warmupRounds: 2 },
    );

    const fresh = new CertificateCache(async () => CERT);
    for (let i = 0; i < 10_000; i++) await verifySnsMessage(sns, fresh, options);
    const row = {
      version: `SignatureVersion ${version}`,
      ours: median(rounds.map((r) => r.ours)),
      verifier: median(rounds.map((r) => r.verifier)),
      bare: median(rounds.map((r) => r.bare)),
      toVerifier: ratioSpread(rounds, "ours", "verifier"),
      toBare: ratioSpread(rounds, "ours", "bare"),
      fetches: fresh.fetches,
    };
    rows.push(row);
    console.log(
      `  v${version}: ${row.ours.toFixed(0)}/s; ${(row.toVerifier.median * 100).toFixed(1)}% of the verifier baseline (${(row.toVerifier.min * 100).toFixed(1)}–${(row.toVerifier.max * 100).toFixed(1)}), ${(row.toBare.median * 100).toFixed(1)}% of bare verify; certificate fetches for 10,000 messages: ${fresh.fetches}`,
    );
  }
  return rows;
}
