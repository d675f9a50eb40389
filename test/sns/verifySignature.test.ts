import { CertificateCache } from "../../src/sns/certificateCache";
import { parseSnsMessage, type SnsMessage, SnsRejection } from "../../src/sns/snsMessage";
import { verifySnsMessage, verifySnsMessageNow } from "../../src/sns/verifySignature";
import { CERT_URL, signedSnsMessage, TEST_CERT_PEM, TOPIC_ARN } from "../helpers/snsSigner";

/** The test topic is the builder's own; messages up to an hour old are accepted. */
const OURS = { acceptedTopicArns: [TOPIC_ARN], maxAgeSeconds: 3600 };

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

  it("verifies without a promise once the certificate has verified a message, and checks everything still", async () => {
    const { cache } = certificateFetcher();
    const first = verifySnsMessageNow(notification(), cache, OURS);
    expect(first).toBeInstanceOf(Promise); // the certificate is fetched first
    await first;
    const warm = notification();
    expect(verifySnsMessageNow(warm, cache, OURS)).toBe(warm);
    // The warm path refuses what the cold one refuses, synchronously.
    const tampered = { ...notification(), Message: '{"notificationType":"Complaint"}' };
    expect(() => verifySnsMessageNow(tampered, cache, OURS)).toThrow(/signature does not match/);
    const foreign = { ...OURS, acceptedTopicArns: ["arn:aws:sns:us-east-1:999999999999:other"] };
    expect(() => verifySnsMessageNow(notification(), cache, foreign)).toThrow(
      /not one of the accepted/,
    );
  });

  describe("the certificate cache under forged requests (issue 17.4)", () => {
    const at = (n: number) =>
      new URL(
        `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${String(n).padStart(32, "0")}.pem`,
      );

    it("never lets unknown URLs evict a certificate that verified a message", async () => {
      const { cache, fetched } = certificateFetcher();
      await verifySnsMessage(notification(), cache, OURS); // the real certificate, now trusted
      for (let n = 1; n <= 100; n++) await cache.publicKey(at(n)); // 100 forged URLs
      fetched.length = 0;
      await verifySnsMessage(notification(), cache, OURS);
      expect(fetched).toEqual([]);
    });

    it("keeps unknown certificates in a small pool of their own, least recently used out first", async () => {
      const fetched: string[] = [];
      const cache = new CertificateCache(
        async (url) => {
          fetched.push(url.pathname.slice(-6));
          return TEST_CERT_PEM;
        },
        { maxUntried: 2 },
      );
      for (const n of [1, 2, 1, 3, 1, 2]) await cache.publicKey(at(n)); // 3 evicts 2
      expect(fetched).toEqual(["01.pem", "02.pem", "03.pem", "02.pem"]);
    });

    it("remembers a failed fetch for a while instead of fetching again", async () => {
      let now = 0;
      let calls = 0;
      const cache = new CertificateCache(
        async () => {
          calls += 1;
          throw new SnsRejection("certificate-unavailable", "HTTP 404");
        },
        { now: () => now, failureTtlMs: 60_000 },
      );
      for (let i = 0; i < 100; i++) await expect(cache.publicKey(at(1))).rejects.toThrow();
      expect(calls).toBe(1);
      now = 61_000;
      await expect(cache.publicKey(at(1))).rejects.toThrow(/HTTP 404/);
      expect(calls).toBe(2);
    });

    it("runs at most two fetches at a time; the rest wait for a slot, first come first served", async () => {
      let started = 0;
      const pending: (() => void)[] = [];
      const cache = new CertificateCache(
        () =>
          new Promise((resolve) => {
            started += 1;
            pending.push(() => resolve(TEST_CERT_PEM));
          }),
      );
      const first = cache.publicKey(at(1));
      const again = cache.publicKey(at(1)); // the same URL shares the fetch
      const second = cache.publicKey(at(2));
      const waiting = [3, 4, 5].map((n) => Promise.resolve(cache.publicKey(at(n))));
      const sameAsWaiting = Promise.resolve(cache.publicKey(at(3)));
      expect(started).toBe(2);
      pending[0]();
      await first;
      await new Promise((resolve) => setImmediate(resolve));
      expect(started).toBe(3); // the freed slot went to the first waiting URL
      for (let n = 1; n < 5; n++) {
        pending[n]();
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all([again, second, ...waiting, sameAsWaiting]);
      expect(started).toBe(5);
    });

    it("lets a genuine message wait behind two forged fetches instead of refusing it (#25.3)", async () => {
      const slow: (() => void)[] = [];
      const cache = new CertificateCache(
        (url) =>
          url.pathname.includes("forged")
            ? new Promise((_, reject) =>
                slow.push(() => reject(new SnsRejection("certificate-unavailable", "timeout"))),
              )
            : Promise.resolve(TEST_CERT_PEM),
        { slotWaitMs: 5000 },
      );
      const forged = [1, 2].map((n) =>
        reasonOf(
          Promise.resolve(
            cache.publicKey(new URL(`https://sns.us-east-1.amazonaws.com/forged${n}.pem`)),
          ),
        ),
      );
      const genuine = Promise.resolve(cache.publicKey(at(9)));
      for (const release of slow) release(); // the forged fetches time out
      expect(await Promise.all(forged)).toEqual([
        "certificate-unavailable",
        "certificate-unavailable",
      ]);
      await expect(genuine).resolves.toBeDefined();
    });

    it("refuses when no slot frees in time, and beyond a bounded number of waiting fetches", async () => {
      const cache = new CertificateCache(() => new Promise(() => {}), {
        slotWaitMs: 50,
        maxWaiting: 2,
      });
      void cache.publicKey(at(1));
      void cache.publicKey(at(2));
      const late = reasonOf(Promise.resolve(cache.publicKey(at(3))));
      const alsoWaiting = reasonOf(Promise.resolve(cache.publicKey(at(4))));
      expect(await reasonOf(Promise.resolve(cache.publicKey(at(5))))).toBe(
        "certificate-unavailable",
      );
      expect(await late).toBe("certificate-unavailable");
      expect(await alsoWaiting).toBe("certificate-unavailable");
    });
  });

  describe("replay and signature version (issue 17.3)", () => {
    const now = () => Date.parse("2026-11-23T10:00:00.000Z");
    it("refuses a Timestamp more than 5 minutes in the future, and accepts small clock skew", async () => {
      const { cache, fetched } = certificateFetcher();
      const future = notification("2", { Timestamp: "2026-11-23T10:05:01.000Z" });
      expect(await reasonOf(verifySnsMessage(future, cache, { ...OURS, now }))).toBe(
        "from-the-future",
      );
      expect(fetched).toEqual([]);
      const skewed = notification("2", { Timestamp: "2026-11-23T10:04:00.000Z" });
      await expect(verifySnsMessage(skewed, cache, { ...OURS, now })).resolves.toBe(skewed);
    });

    it("refuses an unreadable Timestamp", async () => {
      const { cache } = certificateFetcher();
      const garbled = notification("2", { Timestamp: "yesterday" });
      expect(await reasonOf(verifySnsMessage(garbled, cache, OURS))).toBe("too-old");
    });

    it("refuses SignatureVersion 1 when version 2 is required, before any fetch", async () => {
      const { cache, fetched } = certificateFetcher();
      const strict = { ...OURS, requireSignatureVersion2: true };
      expect(await reasonOf(verifySnsMessage(notification("1"), cache, strict))).toBe(
        "unknown-signature-version",
      );
      expect(fetched).toEqual([]);
      await expect(verifySnsMessage(notification("2"), cache, strict)).resolves.toBeDefined();
    });
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
      [
        "a .pem that is not SNS's certificate path",
        () =>
          tamper(genuine, {
            SigningCertURL: "https://sns.us-east-1.amazonaws.com/anything/else.pem",
          }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "a query string on the cert URL",
        () => tamper(genuine, { SigningCertURL: `${CERT_URL}?x=1` }),
        "untrusted-certificate-url",
        false,
      ],
      [
        "the SNS host of another region than the topic's",
        () =>
          tamper(genuine, {
            SigningCertURL: CERT_URL.replace("sns.us-east-1.", "sns.eu-west-1."),
          }),
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
          ...OURS,
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
        await reasonOf(
          verifySnsMessage(altered, cache, { ...OURS, acceptedTopicArns: [TOPIC_ARN, other] }),
        ),
      ).toBe("bad-signature");
    });

    it("accepts no topic at all when none is configured (fail closed), before fetching anything", async () => {
      const { cache, fetched } = certificateFetcher();
      for (const type of ["Notification", "SubscriptionConfirmation"] as const) {
        const message = signedSnsMessage({ Type: type, Message: "m" });
        expect(
          await reasonOf(verifySnsMessage(message, cache, { ...OURS, acceptedTopicArns: [] })),
        ).toBe("no-topics-configured");
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

describe("SNS hosts match the topic's partition (#25.3)", () => {
  const { assertTrustedCertificateUrl, assertTrustedSubscribeUrl } =
    require("../../src/sns/trustedUrls") as typeof import("../../src/sns/trustedUrls");
  const cert = (host: string) => `https://${host}/SimpleNotificationService-0123456789abcdef.pem`;
  it("takes amazonaws.com.cn only for aws-cn topics, and amazonaws.com only for the others", () => {
    const aws = "arn:aws:sns:us-east-1:111122223333:t";
    const china = "arn:aws-cn:sns:cn-north-1:111122223333:t";
    expect(() => assertTrustedCertificateUrl(cert("sns.us-east-1.amazonaws.com.cn"), aws)).toThrow(
      /aws partition/,
    );
    expect(assertTrustedCertificateUrl(cert("sns.us-east-1.amazonaws.com"), aws).hostname).toBe(
      "sns.us-east-1.amazonaws.com",
    );
    expect(
      assertTrustedCertificateUrl(cert("sns.cn-north-1.amazonaws.com.cn"), china).hostname,
    ).toBe("sns.cn-north-1.amazonaws.com.cn");
    expect(() =>
      assertTrustedCertificateUrl(cert("sns.cn-north-1.amazonaws.com"), china),
    ).toThrow();
    const confirm = (host: string, topic: string) =>
      `https://${host}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topic)}&Token=x`;
    expect(() =>
      assertTrustedSubscribeUrl(confirm("sns.us-east-1.amazonaws.com.cn", aws), aws),
    ).toThrow(/not visited/);
    expect(
      assertTrustedSubscribeUrl(confirm("sns.us-east-1.amazonaws.com", aws), aws).hostname,
    ).toBe("sns.us-east-1.amazonaws.com");
  });
});
