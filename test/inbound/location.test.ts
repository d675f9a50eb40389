import { locateStoredMail } from "../../src/inbound/location";

const ses = {
  notificationType: "Received",
  receipt: { action: { type: "S3", bucketName: "mail-bucket", objectKey: "in/abc123" } },
};

describe("locateStoredMail", () => {
  it.each<[string, unknown]>([
    ["an SES receipt notification", ses],
    ["the same as JSON text", JSON.stringify(ses)],
    ["an SNS envelope around it", { Type: "Notification", Message: JSON.stringify(ses) }],
    ["the S3 action alone", ses.receipt.action],
    [
      "the Received Email trigger's action",
      { action: { bucket: "mail-bucket", key: "in/abc123" } },
    ],
    [
      "the Received Email trigger's whole output (body.data)",
      {
        sns: { messageId: "m" },
        event: {
          type: "Received",
          receipt: { action: { type: "S3", bucket: "mail-bucket", key: "in/abc123" } },
        },
        email: null,
      },
    ],
    [
      "an S3 event notification (URL-encoded key)",
      { Records: [{ s3: { bucket: { name: "mail-bucket" }, object: { key: "in%2Fabc123" } } }] },
    ],
  ])("reads bucket and key from %s", (_case, notification) => {
    expect(locateStoredMail({ notification })).toEqual({ bucket: "mail-bucket", key: "in/abc123" });
  });

  it("lets explicit inputs win over the notification", () => {
    expect(locateStoredMail({ bucket: "other-bucket", objectKey: "k", notification: ses })).toEqual(
      { bucket: "other-bucket", key: "k" },
    );
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["nothing", {}, /^Bucket is required/],
    [
      "a notification with an SNS action, not S3",
      { notification: { receipt: { action: { type: "SNS", encoding: "UTF8" } } } },
      /^Notification has no S3 location/,
    ],
    ["text that is not JSON", { notification: "{nope" }, /^Notification is not JSON/],
    ["only a bucket", { bucket: "mail-bucket" }, /^Object Key is required/],
    [
      "a bucket name with upper case",
      { bucket: "Mail", objectKey: "k" },
      /^Bucket "Mail" is not an S3 bucket name/,
    ],
  ])("rejects %s", (_case, inputs, message) => {
    expect(() => locateStoredMail(inputs)).toThrow(message);
  });
});
