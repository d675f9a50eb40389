/**
 * Plays Amazon SNS for the demo: signs messages the way SNS does (SignatureVersion 2,
 * SHA256withRSA over its fixed fields) with a test-only key, and, since the demo has no network,
 * answers https requests for the signing certificate's URL in this process. Requests to any other
 * host go out as usual.
 */
const https = require("node:https");
const { EventEmitter } = require("node:events");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { PassThrough } = require("node:stream");
const { sign } = require("node:crypto");

const FIXTURES = join(__dirname, "..", "test", "fixtures", "sns"); // test-only key and certificate
const CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-localdemo.pem";
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

/** Serves the certificate for CERT_URL from memory until the returned function is called. */
function serveCertificateLocally() {
  const certificate = readFileSync(join(FIXTURES, "test-signing-cert.pem"));
  const originalGet = https.get;
  https.get = function get(url, ...rest) {
    if (String(url) !== CERT_URL) return originalGet.call(this, url, ...rest);
    const [options, callback] = rest;
    const request = new EventEmitter();
    request.destroy = () => {};
    const response = new PassThrough();
    response.statusCode = 200;
    process.nextTick(() => {
      (typeof options === "function" ? options : callback)(response);
      response.end(certificate);
    });
    return request;
  };
  return () => {
    https.get = originalGet;
  };
}

module.exports = { signAsSns, serveCertificateLocally, CERT_URL };
