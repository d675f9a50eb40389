import { createPublicKey, sign, verify, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CertificateCache } from "../src/sns/certificateCache";
import { type SnsMessage, stringToSign } from "../src/sns/snsMessage";
import { verifySnsMessage } from "../src/sns/verifySignature";
import { repoPath } from "./measure";

const FIXTURES = repoPath("test", "fixtures", "sns");
const CERT = readFileSync(join(FIXTURES, "test-signing-cert.pem"), "utf8");
const KEY = readFileSync(join(FIXTURES, "test-signing-key.pem"), "utf8");
const N = 20_000;

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

async function perSecond(fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 500; i++) await fn();
  const start = performance.now();
  for (let i = 0; i < N; i++) await fn();
  return N / ((performance.now() - start) / 1000);
}

export async function benchSnsVerification() {
  const rows = [];
  for (const version of ["1", "2"] as const) {
    const sns = message(version);
    const cache = new CertificateCache(async () => CERT);
    const ours = await perSecond(() =>
      verifySnsMessage(sns, cache, { acceptedTopicArns: [sns.TopicArn], maxAgeSeconds: 3600 }),
    );
    const key = createPublicKey(
      new X509Certificate(CERT).publicKey.export({ type: "spki", format: "pem" }),
    );
    const data = Buffer.from(stringToSign(sns));
    const signature = Buffer.from(sns.Signature, "base64");
    const hash = version === "1" ? "sha1" : "sha256";
    const bare = await perSecond(() => verify(hash, data, key, signature));

    const fresh = new CertificateCache(async () => CERT);
    for (let i = 0; i < 10_000; i++)
      await verifySnsMessage(sns, fresh, {
        acceptedTopicArns: [sns.TopicArn],
        maxAgeSeconds: 3600,
      });
    rows.push({
      version: `SignatureVersion ${version}`,
      ours,
      bare,
      fraction: ours / bare,
      fetches: fresh.fetches,
    });
    console.log(
      `  v${version}: ${ours.toFixed(0)}/s vs bare ${bare.toFixed(0)}/s = ${((ours / bare) * 100).toFixed(1)}%; certificate fetches for 10,000 messages: ${fresh.fetches}`,
    );
  }
  return rows;
}
