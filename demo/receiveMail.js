/**
 * Demo part 2: a received mail, encrypted as SES's S3 action does with a KMS key, is stored in
 * the s3rver S3 emulator; Fetch Received Email reads it back through S3 and a local KMS, checks
 * its encryption context, authenticates and decrypts it, and parses it. A tampered copy is refused.
 */
const { createHash } = require("node:crypto");
const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { PutObjectCommand, S3Client } = require("@aws-sdk/client-s3");
const S3rver = require("s3rver");
const { DUMMY_ACCOUNT } = require("s3rver/lib/models/account");
const { startLocalKms } = require("./localKms");
const { serveSnsLocally, signAsSns } = require("./localSns");
const { encryptLikeSes } = require("./sesEncryption");

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const BUCKET = "inbound-mail";
const CONTEXT = {
  "aws:ses:message-id": "0demo0messageid0000000000000000000000001",
  "aws:ses:rule-name": "store-inbound",
  "aws:ses:source-account": "111122223333",
};

function receivedMessage(purchaseOrder) {
  return Buffer.from(
    [
      "Return-Path: <buyer@example.org>",
      "X-SES-Spam-Verdict: PASS",
      "X-SES-Virus-Verdict: PASS",
      "Authentication-Results: amazonses.com; spf=pass smtp.mailfrom=example.org; dkim=pass header.i=@example.org; dmarc=pass header.from=example.org;",
      "From: =?UTF-8?Q?Ren=C3=A9e_K=C3=B6nig?= <buyer@example.org>",
      "To: orders@inbound.example.com",
      "Subject: =?UTF-8?Q?Bestellung_4711_=E2=80=93_bitte_best=C3=A4tigen?=",
      "Date: Mon, 23 Nov 2026 17:58:41 +0000",
      "Message-ID: <po-4711@example.org>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="po"',
      "",
      "--po",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Guten Tag, anbei unsere Bestellung.",
      "--po",
      'Content-Type: text/csv; name="po-4711.csv"',
      'Content-Disposition: attachment; filename="po-4711.csv"',
      "Content-Transfer-Encoding: base64",
      "",
      purchaseOrder.toString("base64"),
      "--po--",
      "",
    ].join("\r\n"),
  );
}

async function receiveMailDemo({ harness, connection, keys }) {
  const directory = mkdtempSync(join(tmpdir(), "ses-demo-s3-"));
  const s3rver = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  DUMMY_ACCOUNT.createKeyPair(keys.accessKeyId, keys.secretAccessKey); // s3rver checks signatures
  const { port } = await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const kms = await startLocalKms();
  process.env.AWS_ENDPOINT_URL_KMS = kms.url;
  const s3 = new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: keys,
  });
  console.log(
    `\n2. Fetch Received Email from the S3 emulator on ${endpoint} (KMS stand-in on ${kms.url})`,
  );
  try {
    const purchaseOrder = Buffer.from("sku,qty\nA-100,3\nB-220,12\n", "utf8");
    const message = receivedMessage(purchaseOrder);
    const { body, metadata } = encryptLikeSes(message, {
      ...kms.generateDataKey(CONTEXT),
      encryptionContext: CONTEXT,
    });
    const key = `inbound/${CONTEXT["aws:ses:message-id"]}`;
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, Metadata: metadata }),
    );
    console.log(
      `   Stored s3://${BUCKET}/${key}: ${body.length} bytes of AES-256-GCM ciphertext, data key wrapped for context ${JSON.stringify(CONTEXT)}`,
    );

    const fetchMail = (objectKey) =>
      harness.action("fetchReceivedEmail", {
        connection,
        region: "us-east-1",
        endpoint,
        bucket: BUCKET,
        objectKey,
        expectedAccountId: "111122223333",
        expectedRuleName: "store-inbound",
      });
    const mail = (await fetchMail(key)).data;
    console.log(
      `   Decrypted: ${mail.encryption.contentAlgorithm}, authenticated: ${mail.encryption.authenticated}`,
    );
    console.log(
      `   Parsed:    From ${mail.from.name} <${mail.from.address}>; Subject "${mail.subject}"`,
    );
    console.log(
      `              Text "${mail.text.trim()}"; SES verdicts ${JSON.stringify(mail.sesVerdicts)}`,
    );
    const [file] = mail.attachments;
    const same = sha256(file.file.data) === sha256(purchaseOrder);
    console.log(
      `   Attached:  ${file.fileName} (${file.contentType}, ${file.size} bytes) ${same ? "bytes identical" : "BYTES DIFFER"}`,
    );
    if (!same || mail.encryption.authenticated !== true)
      throw new Error("The received mail did not come back intact.");

    const tampered = Buffer.from(body);
    tampered[10] ^= 0x01;
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${key}-tampered`,
        Body: tampered,
        Metadata: metadata,
      }),
    );
    try {
      await fetchMail(`${key}-tampered`);
      throw new Error("A tampered mail was accepted.");
    } catch (error) {
      if (!/failed GCM authentication/.test(error.message)) throw error;
      console.log(
        `   Tampered copy (one ciphertext bit flipped) refused, as expected: ${error.message}`,
      );
    }

    await deliverReceiptNotification({ harness, connection, endpoint, key, purchaseOrder });
  } finally {
    delete process.env.AWS_ENDPOINT_URL_KMS;
    s3.destroy();
    await kms.close();
    await s3rver.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Demo part 3: SNS delivers SES's receipt notification for that mail to the Received Email
 * trigger, which verifies the SNS signature, then fetches, decrypts and parses the mail itself.
 */
async function deliverReceiptNotification({ harness, connection, endpoint, key, purchaseOrder }) {
  const topicArn = "arn:aws:sns:us-east-1:111122223333:ses-inbound";
  console.log("\n3. SNS delivers the receipt notification to the Received Email trigger");
  const notification = signAsSns({
    Type: "Notification",
    MessageId: "5d0b3a7e-6f1c-4c8b-9a2e-1f0e2d3c4b5a",
    TopicArn: topicArn,
    Subject: "Amazon SES Email Receipt Notification",
    Message: JSON.stringify({
      notificationType: "Received",
      mail: {
        messageId: CONTEXT["aws:ses:message-id"],
        source: "buyer@example.org",
        destination: ["orders@inbound.example.com"],
      },
      receipt: {
        recipients: ["orders@inbound.example.com"],
        spamVerdict: { status: "PASS" },
        virusVerdict: { status: "PASS" },
        spfVerdict: { status: "PASS" },
        dkimVerdict: { status: "PASS" },
        dmarcVerdict: { status: "PASS" },
        action: { type: "S3", topicArn, bucketName: BUCKET, objectKey: key },
      },
    }),
  });
  const params = {
    allowedTopicArns: [topicArn],
    connection,
    region: "us-east-1",
    endpoint,
    fetchEmail: "true",
    expectedAccountId: "111122223333",
    expectedRuleName: "store-inbound",
  };
  const deliver = (message) => {
    const raw = JSON.stringify(message);
    return harness.trigger(
      "receivedEmail",
      {
        headers: { "x-amz-sns-message-type": message.Type },
        rawBody: { data: Buffer.from(raw) },
        body: { data: raw },
      },
      params,
    );
  };
  const sns = serveSnsLocally();
  try {
    const result = await deliver(notification);
    const { event, email, encryption } = result.payload.body.data;
    console.log(
      `   Signature verified; branch ${result.branch}; receipt verdicts ${JSON.stringify(event.receipt.verdicts)}`,
    );
    console.log(
      `   Email:     From ${email.from.address}; Subject "${email.subject}"; ${email.attachments.length} attachment(s); decrypted and authenticated: ${encryption.authenticated}`,
    );
    const same = sha256(email.attachments[0].file.data) === sha256(purchaseOrder);
    console.log(
      `   Attached:  ${email.attachments[0].fileName} ${same ? "bytes identical" : "BYTES DIFFER"}`,
    );
    if (result.branch !== "Notification" || !same)
      throw new Error("The trigger did not deliver the mail intact.");

    const forged = { ...notification, Message: notification.Message.replace('"PASS"', '"FAIL"') };
    try {
      await deliver(forged);
      throw new Error("A forged notification was accepted.");
    } catch (error) {
      if (!/signature does not match/.test(error.message)) throw error;
      console.log(
        `   Forged copy (a verdict changed after signing) refused, as expected: ${error.message}`,
      );
    }

    // Anyone's topic can send SNS-signed messages to a known URL: only the builder's are accepted.
    const foreign = signAsSns({
      ...notification,
      TopicArn: "arn:aws:sns:us-east-1:999988887777:attacker",
      Signature: undefined,
    });
    const fetchesBefore = sns.requests.length;
    try {
      await deliver(foreign);
      throw new Error("A notification from another account's topic was accepted.");
    } catch (error) {
      if (!/is not one of the accepted topics/.test(error.message)) throw error;
      if (sns.requests.length !== fetchesBefore) throw new Error("A foreign topic caused a fetch.");
      console.log(
        `   Genuinely signed, but from another account's topic: refused as expected, nothing fetched: ${error.message}`,
      );
    }
  } finally {
    sns.restore();
  }
}

module.exports = { receiveMailDemo };
