// An SQS queue URL: https://sqs.<region>.amazonaws.com[.cn]/<account>/<name>. Names are 1-80
// letters, digits, "-" and "_" (".fifo" at the end of a FIFO queue's).
const AWS_HOST = /^sqs\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;
const PATH = /^\/(\d{12})\/([A-Za-z0-9_-]{1,75}(?:\.fifo)?|[A-Za-z0-9_-]{1,80})$/;

export interface QueueLocation {
  url: string;
  region: string | null;
  accountId: string;
  name: string;
}

/**
 * `value` in one canonical spelling (`url`), when it is a queue URL the client may send signed
 * requests to: on AWS's SQS host for `region`, or, with an endpoint override (an emulator, a VPC
 * endpoint), any http(s) host with an account and queue name path. Errors name the input and
 * never call AWS.
 */
export function checkQueueUrl(
  label: string,
  value: string,
  options: { region: string; endpointOverride: boolean },
): QueueLocation {
  const shape = `${label} must be an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue name>)`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${shape}, not "${value.slice(0, 80)}".`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`${shape}, without a user name, password, query or fragment.`);
  }
  const path = PATH.exec(url.pathname);
  if (!path) throw new Error(`${shape}; "${value.slice(0, 80)}" has no account/queue name path.`);
  const host = AWS_HOST.exec(url.hostname);
  if (!options.endpointOverride) {
    if (url.protocol !== "https:" || !host || url.port !== "") {
      throw new Error(`${shape}; without an Endpoint Override only AWS's SQS host is accepted.`);
    }
    if (host[1] !== options.region) {
      throw new Error(
        `${label} is a queue in ${host[1]}, but Region is ${options.region}: set Region to the queue's region.`,
      );
    }
  } else if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`${shape}; ${url.protocol} is not http or https.`);
  }
  if (host && host[0].endsWith(".cn") !== host[1].startsWith("cn-")) {
    throw new Error(
      `${label}: ${url.hostname} is not ${host[1]}'s SQS host (amazonaws.com.cn is for the cn- regions only).`,
    );
  }
  // One spelling per queue (URL lower-cases the host and drops a default port), so every
  // step names the queue the same way.
  return {
    url: `${url.protocol}//${url.host}${url.pathname}`,
    region: host?.[1] ?? null,
    accountId: path[1],
    name: path[2],
  };
}
