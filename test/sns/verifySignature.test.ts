import { CertificateCache } from "../../src/sns/certificateCache";
import { parseSnsMessage, type SnsMessage, SnsRejection } from "../../src/sns/snsMessage";
import { verifySnsMessage } from "../../src/sns/verifySignature";
import { CERT_URL, signedSnsMessage, TEST_CERT_PEM, TOPIC_ARN } from "../helpers/snsSigner";

/** The test topic is the builder's own. */
const OURS = { acceptedTopicArns: [TOPIC_ARN] };

/** A certificate fetcher that records every URL it is asked for and serves the test certificate. */
function certificateFetcher() {
  const fetched: string[] = [];
  const cache = new CertificateCache(async (url) => {
    fetched.push(url.href);
    return TEST_CERT_PEM;
  });
  return { cache, fetched };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SnsRejection) return error.reason;
    throw error;
  }
  throw new Error("Expected the message to be rejected, but it verified.");
}

const notification = (version: "1" | "2" = "2", fields: Partial<SnsMessage> = {}) =>
  signedSnsMessage(
    {
      Type: "Notification",
      Message: '{"notificationType":"Bounce"}',
      Subject: "Amazon SES Email Event Notification",
      ...fields,
    },
    version,
  );

describe("SNS signature verification", () => {
  it.each([
    ["Notification", "1"],
    ["Notification", "2"],
    ["SubscriptionConfirmation", "1"],
    ["SubscriptionConfirmation", "2"],
    ["UnsubscribeConfirmation", "1"],
    ["UnsubscribeConfirmation", "2"],
  ] as const)("accepts a genuine %s, SignatureVersion %s", async (type, version) => {
    const { cache } = certificateFetcher();
    const message = signedSnsMessage(
      { Type: type, Message: "You have chosen to subscribe..." },
      version,
    );
    const parsed = parseSnsMessage(JSON.stringify(message));
    await expect(verifySnsMessage(parsed, cache, OURS)).resolves.toBe(parsed);
  });

  it("accepts a notification without a Subject (the field is left out of the signed string)", async () => {
    const { cache } = certificateFetcher();
    const message = signedSnsMessage({ Type: "Notification", Message: "x" });
    expect(message.Subject).toBeUndefined();
    await expect(verifySnsMessage(message, cache, OURS)).resolves.toBe(message);
  });

  it("fetches a certificate once per URL, however many messages", async () => {
    const { cache, fetched } = certificateFetcher();
    const message = notification();
    await Promise.all(Array.from({ length: 50 }, () => verifySnsMessage(message, cache, OURS)));
    for (let i = 0; i < 50; i++) await verifySnsMessage(message, cache, OURS);
    expect(fetched).toEqual([CERT_URL]);
  });

  it("keeps at most its bound of certificates, dropping the least recently used", async () => {
    const fetched: string[] = [];
    const cache = new CertificateCache(async (url) => {
      fetched.push(url.pathname);
      return TEST_CERT_PEM;
    }, 2);
    const at = (n: number) => new URL(`https://sns.us-east-1.amazonaws.com/cert-${n}.pem`);
    await cache.publicKey(at(1));
    await cache.publicKey(at(2));
    await cache.publicKey(at(1)); // 1 is now the most recent
    await cache.publicKey(at(3)); // evicts 2
    await cache.publicKey(at(1));
    await cache.publicKey(at(2));
    expect(fetched).toEqual(["/cert-1.pem", "/cert-2.pem", "/cert-3.pem", "/cert-2.pem"]);
  });

  describe("forged corpus: each rejected, with no certificate fetched unless the URL is trusted", () => {
    const tamper = (message: SnsMessage, fields: Partial<SnsMessage>) => ({
      ...message,
      ...fields,
    });
    const genuine = notification();
    const cases: [string, () => SnsMessage, string, boolean][] = [
      [
        "a wrong signature",
        () => tamper(genuine, { Signature: notification("2", { Message: "other" }).Signature }),
        "bad-signature",
        true,
      ],
      [
        "a body altered after signing",
        () => tamper(genuine, { Message: '{"notificationType":"Complaint"}' }),
        "bad-signature",
        true,
      ],
      [
        "an altered topic (not an accepted one: refused before any fetch)",
        () => tamper(genuine, { TopicArn: "arn:aws:sns:us-east-1:999999999999:evil" }),
        "topic-not-allowed",
        false,
      ],
      [
        "an added Subject",
        () => tamper(notification("2", { Subject: undefined }), { Subject: "injected" }),
        "bad-signature",
        true,
      ],
      [
        "a v1 signature claimed as v2",
        () => tamper(notification("1"), { SignatureVersion: "2" }),
        "bad-signature",
        true,
      ],
      [
        "an unknown SignatureVersion",
        () => tamper(genuine, { SignatureVersion: "3" }),
        "unknown-signature-version",
        false,
      ],
      [
        "a cert URL over http",
        () => tamper(genuine, { SigningCertURL: CERT_URL.replace("https:", "http:") }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "a cert URL on a foreign host",
        () => tamper(genuine, { SigningCertURL: "https://evil.com/SimpleNotificationService.pem" }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "a look-alike host suffix",
        () =>
          tamper(genuine, {
            SigningCertURL: "https://sns.us-east-1.amazonaws.com.evil.com/cert.pem",
          }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "a look-alike path",
        () =>
          tamper(genuine, {
            SigningCertURL: "https://evil.com/sns.us-east-1.amazonaws.com/cert.pem",
          }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "credentials in the cert URL",
        () =>
          tamper(genuine, {
            SigningCertURL: "https://sns.us-east-1.amazonaws.com@evil.com/cert.pem",
          }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "a port in the cert URL",
        () =>
          tamper(genuine, { SigningCertURL: "https://sns.us-east-1.amazonaws.com:8443/cert.pem" }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "a cert URL that is not .pem",
        () => tamper(genuine, { SigningCertURL: "https://sns.us-east-1.amazonaws.com/cert.txt" }),
        "untrusted-certificate-url",
        false,
      ],
    ];
    it.each(cases)("rejects %s", async (_case, build, reason, fetchesCertificate) => {
      const { cache, fetched } = certificateFetcher();
      expect(await reasonOf(verifySnsMessage(build(), cache, OURS))).toBe(reason);
      expect(fetched.length > 0).toBe(fetchesCertificate);
    });

    it("rejects a topic outside the accepted topics before fetching anything", async () => {
      const { cache, fetched } = certificateFetcher();
      const reason = await reasonOf(
        verifySnsMessage(genuine, cache, {
          acceptedTopicArns: ["arn:aws:sns:us-east-1:111122223333:other"],
        }),
      );
      expect(reason).toBe("topic-not-allowed");
      expect(fetched).toHaveLength(0);
      await expect(verifySnsMessage(genuine, cache, OURS)).resolves.toBe(genuine);
    });

    it("rejects a topic altered to another accepted topic by its signature", async () => {
      const { cache } = certificateFetcher();
      const other = "arn:aws:sns:us-east-1:111122223333:other";
      const altered = tamper(genuine, { TopicArn: other });
      expect(
        await reasonOf(verifySnsMessage(altered, cache, { acceptedTopicArns: [TOPIC_ARN, other] })),
      ).toBe("bad-signature");
    });

    it("accepts no topic at all when none is configured (fail closed), before fetching anything", async () => {
      const { cache, fetched } = certificateFetcher();
      for (const type of ["Notification", "SubscriptionConfirmation"] as const) {
        const message = signedSnsMessage({ Type: type, Message: "m" });
        expect(await reasonOf(verifySnsMessage(message, cache, { acceptedTopicArns: [] }))).toBe(
          "no-topics-configured",
        );
      }
      expect(fetched).toHaveLength(0);
    });

    it("rejects a replayed message older than the allowed age", async () => {
      const { cache } = certificateFetcher();
      const old = notification("2", { Timestamp: "2026-11-23T10:00:00.000Z" });
      const now = () => Date.parse("2026-11-23T10:10:00.000Z");
      expect(
        await reasonOf(verifySnsMessage(old, cache, { ...OURS, maxAgeSeconds: 300, now })),
      ).toBe("too-old");
      await expect(
        verifySnsMessage(old, cache, { ...OURS, maxAgeSeconds: 900, now }),
      ).resolves.toBe(old);
    });

    it("rejects a certificate that is not an X.509 certificate", async () => {
      const cache = new CertificateCache(async () => "<html>not a certificate</html>");
      expect(await reasonOf(verifySnsMessage(genuine, cache, OURS))).toBe(
        "certificate-unavailable",
      );
    });
  });

  describe("parsing the request body", () => {
    it.each([
      ["a body that is not JSON", "Type=Notification", "not-json"],
      ["a JSON array", "[]", "not-json"],
      ["an unknown Type", JSON.stringify({ ...notification(), Type: "Forward" }), "unknown-type"],
      [
        "a missing Signature",
        JSON.stringify({ ...notification(), Signature: undefined }),
        "missing-field",
      ],
      [
        "a confirmation without SubscribeURL",
        JSON.stringify({
          ...signedSnsMessage({ Type: "SubscriptionConfirmation", Message: "m" }),
          SubscribeURL: undefined,
        }),
        "missing-field",
      ],
      [
        "a non-string Message",
        JSON.stringify({ ...notification(), Message: { a: 1 } }),
        "missing-field",
      ],
    ])("rejects %s", (_case, body, reason) => {
      expect(() => parseSnsMessage(body)).toThrow(SnsRejection);
      try {
        parseSnsMessage(body);
      } catch (error) {
        expect((error as SnsRejection).reason).toBe(reason);
      }
    });
  });
});
