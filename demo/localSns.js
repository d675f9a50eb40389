/**
 * Plays Amazon SNS for the demo: signs messages the way SNS does (SignatureVersion 2,
 * SHA256withRSA over its fixed fields) with a test-only key, and, since the demo has no network,
 * answers https requests to SNS hosts in this process. Requests to any other host go out as usual.
 */
const https = require("node:https");
const { EventEmitter } = require("node:events");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { PassThrough } = require("node:stream");
const { sign } = require("node:crypto");

const FIXTURES = join(__dirname, "..", "test", "fixtures", "sns"); // test-only key and certificate
const CERT_URL =
  "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-00000000000000000000000000d3e70.pem";
const SIGNED = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: [
    "Message",
    "MessageId",
    "SubscribeURL",
    "Timestamp",
    "Token",
    "TopicArn",
    "Type",
  ],
};

function signAsSns(fields) {
  const message = {
    SignatureVersion: "2",
    SigningCertURL: CERT_URL,
    Timestamp: new Date().toISOString(),
    ...fields,
  };
  const text = SIGNED[message.Type]
    .filter((name) => message[name] !== undefined)
    .map((name) => `${name}\n${message[name]}\n`)
    .join("");
  message.Signature = sign(
    "sha256",
    Buffer.from(text),
    readFileSync(join(FIXTURES, "test-signing-key.pem")),
  ).toString("base64");
  return message;
}

/**
 * Plays SNS's https side in this process until `restore()`: GETs of a certificate URL (CERT_URL
 * and any in `certificateUrls`) get the test certificate, other GETs to an SNS host (a
 * SubscribeURL being visited) get 200. Each of those is recorded in `requests`; requests to any
 * other host go out as usual.
 */
function serveSnsLocally({ certificateUrls = [] } = {}) {
  const certificate = readFileSync(join(FIXTURES, "test-signing-cert.pem"));
  const certificates = new Set([CERT_URL, ...certificateUrls]);
  const requests = [];
  const originalGet = https.get;
  https.get = function get(url, ...rest) {
    const href = String(url);
    if (!/^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(href)) {
      return originalGet.call(this, url, ...rest);
    }
    requests.push(href);
    const [options, callback] = rest;
    const request = new EventEmitter();
    request.destroy = () => {};
    const response = new PassThrough();
    response.statusCode = 200;
    process.nextTick(() => {
      (typeof options === "function" ? options : callback)(response);
      response.end(certificates.has(href) ? certificate : "");
    });
    return request;
  };
  return {
    requests,
    restore: () => {
      https.get = originalGet;
    },
  };
}

module.exports = { signAsSns, serveSnsLocally, CERT_URL };
