/**
 * Demo part 1: Send Email with an attachment and an inline image through the aws-ses-v2-local
 * emulator, then read the delivered message back and compare every byte.
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const startSesEmulator = require("aws-ses-v2-local").default;

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

async function sendMailDemo({ harness, connection }) {
  const server = await startSesEmulator({ port: 0, host: "127.0.0.1" });
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  console.log(`\n1. Send Email through the SES v2 emulator on ${endpoint}`);
  try {
    const report = Buffer.from("invoice,amount\n42,199.00\n43,75.50\n", "utf8");
    const logo = readFileSync(join(__dirname, "..", "assets", "icon.png"));
    const result = await harness.action("sendEmail", {
      connection,
      region: "us-east-1",
      endpoint,
      from: "billing@example.com",
      fromName: "Acme Billing",
      to: ["Jane Doe <jane@example.com>"],
      cc: [],
      bcc: ["audit@example.com"],
      replyTo: ["support@example.com"],
      subject: "Your November invoices",
      textBody: "Hello Jane,\n\nYour invoices are attached.\n",
      htmlBody: '<p>Hello Jane,</p><p>Your invoices are attached.</p><img src="cid:logo.png">',
      attachments: [{ key: "invoices.csv", value: report }],
      inlineImages: [{ key: "logo.png", value: { data: logo, contentType: "image/png" } }],
      messageTags: [{ key: "flow", value: "demo" }],
      customHeaders: [{ key: "X-Demo-Run", value: new Date().toISOString() }],
    });
    const { messageId } = result.data;
    console.log(`   Send Email returned messageId ${messageId}`);

    const store = await (await fetch(`${endpoint}/store`)).json();
    const mail = store.emails.find((email) => email.messageId === messageId);
    if (!mail) throw new Error("The emulator has no message with that id.");
    console.log(
      `   Delivered: From ${mail.from}; To ${mail.destination.to.join(", ")}; Bcc ${mail.destination.bcc.join(", ")}`,
    );
    console.log(`              Reply-To ${mail.replyTo.join(", ")}; Subject "${mail.subject}"`);
    const sent = { "invoices.csv": report, "logo.png": logo };
    for (const file of mail.attachments) {
      const same = sha256(Buffer.from(file.content, "base64")) === sha256(sent[file.filename]);
      console.log(
        `   Attached:  ${file.filename} (${file.contentType}, ${file.size} bytes, ${file.contentDisposition}) ${same ? "bytes identical" : "BYTES DIFFER"}`,
      );
      if (!same) throw new Error(`${file.filename} arrived altered.`);
    }
    if (mail.attachments.length !== 2) throw new Error("Not every attachment was delivered.");
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

module.exports = { sendMailDemo };
