import { SnsRejection, topicRegion } from "./snsMessage";

// SNS's own hosts: sns.<region>.amazonaws.com, or .amazonaws.com.cn in China.
const SNS_HOST = /^sns\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * The signing certificate may only come from SNS itself: https, an SNS host, default port, no
 * credentials, a .pem path. Checked before anything is fetched.
 */
export function assertTrustedCertificateUrl(value: string): URL {
  const url = parseUrl(value);
  const trusted =
    url !== undefined &&
    url.protocol === "https:" &&
    SNS_HOST.test(url.hostname) &&
    url.port === "" &&
    url.username === "" &&
    url.password === "" &&
    url.pathname.endsWith(".pem");
  if (!trusted) {
    throw new SnsRejection(
      "untrusted-certificate-url",
      `SigningCertURL ${JSON.stringify(value.slice(0, 200))} is not an https .pem URL on an Amazon SNS host.`,
    );
  }
  return url as URL;
}

/**
 * The SubscribeURL must be SNS's own host for the topic's region, over https, and confirm that
 * very topic (SNS puts Action=ConfirmSubscription and the TopicArn in its query).
 */
export function assertTrustedSubscribeUrl(value: string, topicArn: string): URL {
  const url = parseUrl(value);
  const host = url ? SNS_HOST.exec(url.hostname) : null;
  const region = topicRegion(topicArn);
  const trusted =
    url !== undefined &&
    url.protocol === "https:" &&
    host !== null &&
    region !== undefined &&
    host[1] === region &&
    url.port === "" &&
    url.username === "" &&
    url.password === "";
  if (!trusted) {
    throw new SnsRejection(
      "untrusted-subscribe-url",
      `SubscribeURL is not an https URL on the SNS host of the topic's region (${region ?? "unknown"}); it was not visited.`,
    );
  }
  const query = (url as URL).searchParams;
  if (query.get("Action") !== "ConfirmSubscription" || query.get("TopicArn") !== topicArn) {
    throw new SnsRejection(
      "untrusted-subscribe-url",
      "SubscribeURL does not confirm a subscription to the message's own topic; it was not visited.",
    );
  }
  return url as URL;
}
