import { sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type SnsMessage, stringToSign } from "../../src/sns/snsMessage";

const FIXTURES = join(__dirname, "..", "fixtures", "sns");
export const TEST_CERT_PEM = readFileSync(join(FIXTURES, "test-signing-cert.pem"), "utf8");
const TEST_KEY_PEM = readFileSync(join(FIXTURES, "test-signing-key.pem"), "utf8");

export const TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:ses-notifications";
export const CERT_URL =
  "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem";

/** An SNS message as SNS would send it, signed with the test key (SignatureVersion 1 or 2). */
export function signedSnsMessage(
  fields: Partial<SnsMessage> & Pick<SnsMessage, "Type" | "Message">,
  version: "1" | "2" = "2",
): SnsMessage {
  const topic = fields.TopicArn ?? TOPIC_ARN;
  const message = {
    MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    TopicArn: topic,
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    SigningCertURL: CERT_URL,
    ...(fields.Type === "Notification"
      ? {
          UnsubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topic}:sub-1`,
        }
      : {
          Token: "2336412f37fb687f5d51e6e2425f004aed7b7526e4ed6d7d8b48c5b4fd1e9ca4",
          SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topic}&Token=2336412f37fb`,
        }),
    ...fields,
    Signature: "",
  } as SnsMessage;
  message.Signature = sign(
    version === "1" ? "sha1" : "sha256",
    Buffer.from(stringToSign(message)),
    TEST_KEY_PEM,
  ).toString("base64");
  return message;
}

// biome-ignore lint/suspicious/noExplicitAny: plain JavaScript helper shared with the demo
const localSns: any = require("../../demo/localSns");

/**
 * Plays SNS's https side in this process for code that really requests (the built bundle): the
 * test certificate for CERT_URL, 200 for a SubscribeURL visit; every request to an SNS host is
 * recorded in `requests`. Call `restore()` when done.
 */
export const serveSnsLocally = (): { requests: string[]; restore: () => void } =>
  localSns.serveSnsLocally({ certificateUrls: [CERT_URL] });
