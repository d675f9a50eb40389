import { SnsRejection, topicRegion } from "./snsMessage";

// SNS's own hosts: sns.<region>.amazonaws.com, or .amazonaws.com.cn in China.
const SNS_HOST = /^sns\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

/**
 * The URL and the region of its SNS host, when it is https on an SNS host with the default port
 * and no credentials: what both the certificate and the subscribe URL must be first.
 */
function onSnsHost(value: string): { url: URL; region: string; china: boolean } | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const host = SNS_HOST.exec(url.hostname);
  const plain =
    url.protocol === "https:" && url.port === "" && url.username === "" && url.password === "";
  return host && plain ? { url, region: host[1], china: host[2] !== undefined } : undefined;
}

/** Whether the host's partition is the topic's: amazonaws.com.cn serves aws-cn topics only. */
const samePartition = (sns: { china: boolean }, topicArn: string) =>
  sns.china === topicArn.startsWith("arn:aws-cn:");

// SNS's certificate paths: /SimpleNotificationService-<hex>.pem.
const CERTIFICATE_PATH = /^\/SimpleNotificationService-[0-9a-f]{16,64}\.pem$/;

// URLs that passed, per topic: a busy topic's messages all name the same certificate, so
// the check costs a map lookup, not a URL parse. Only passes are kept, at most 64.
const trustedCertificateUrls = new Map<string, URL>();

/**
 * The signing certificate may only come from SNS itself, for the topic's own region: https, the
 * SNS host of that region, default port, no credentials, query or fragment, and SNS's
 * certificate path. Checked before anything is fetched, on every message.
 */
export function assertTrustedCertificateUrl(value: string, topicArn: string): URL {
  const key = `${topicArn}\n${value}`;
  const known = trustedCertificateUrls.get(key);
  if (known) return known;
  const url = checkCertificateUrl(value, topicArn);
  if (trustedCertificateUrls.size >= 64) {
    trustedCertificateUrls.delete(trustedCertificateUrls.keys().next().value as string);
  }
  trustedCertificateUrls.set(key, url);
  return url;
}

function checkCertificateUrl(value: string, topicArn: string): URL {
  const sns = onSnsHost(value);
  const url = sns?.url;
  const trusted =
    url !== undefined &&
    url.search === "" &&
    url.hash === "" &&
    CERTIFICATE_PATH.test(url.pathname);
  if (!trusted || !sns) {
    throw new SnsRejection(
      "untrusted-certificate-url",
      `SigningCertURL ${JSON.stringify(value.slice(0, 200))} is not an https URL of an SNS signing certificate (https://sns.<region>.amazonaws.com/SimpleNotificationService-<hex>.pem).`,
    );
  }
  const region = topicRegion(topicArn);
  if (sns.region !== region || !samePartition(sns, topicArn)) {
    throw new SnsRejection(
      "untrusted-certificate-url",
      `SigningCertURL is on the SNS host ${sns.url.hostname}, but the topic is in ${region ?? "no known region"} (${topicArn.split(":")[1] ?? "?"} partition).`,
    );
  }
  return sns.url;
}

/**
 * The SubscribeURL must be SNS's own host for the topic's region, over https, and confirm that
 * very topic (SNS puts Action=ConfirmSubscription and the TopicArn in its query).
 */
export function assertTrustedSubscribeUrl(value: string, topicArn: string): URL {
  const sns = onSnsHost(value);
  const region = topicRegion(topicArn);
  if (!sns || region === undefined || sns.region !== region || !samePartition(sns, topicArn)) {
    throw new SnsRejection(
      "untrusted-subscribe-url",
      `SubscribeURL is not an https URL on the SNS host of the topic's region (${region ?? "unknown"}); it was not visited.`,
    );
  }
  const query = sns.url.searchParams;
  if (query.get("Action") !== "ConfirmSubscription" || query.get("TopicArn") !== topicArn) {
    throw new SnsRejection(
      "untrusted-subscribe-url",
      "SubscribeURL does not confirm a subscription to the message's own topic; it was not visited.",
    );
  }
  return sns.url;
}
