#!/usr/bin/env node
/**
 * The main job on an embedded local default: no AWS account, no network.
 * Starts the aws-ses-v2-local emulator on a free loopback port, runs the built component's
 * Send Email action (through Spectral's harness, as the Prismatic runner would), reads the
 * delivered message back from the emulator and checks every attachment byte for byte.
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const startEmulator = require("aws-ses-v2-local").default;
const { createConnection, createHarness } = require("@prismatic-io/spectral/dist/testing");

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

async function main() {
  const component = require(join(__dirname, "..", "dist", "index.js")).default;
  const server = await startEmulator({ port: 0, host: "127.0.0.1" });
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  console.log(`SES v2 emulator listening on ${endpoint}`);

  try {
    // The emulator only checks that requests are signed; these are not real keys.
    const connection = createConnection(component.connections[0], {
      accessKeyId: "AKIALOCALDEMO0000001",
      secretAccessKey: "local-demo-secret-not-real",
    });
    const report = Buffer.from("invoice,amount\n42,199.00\n43,75.50\n", "utf8");
    const logo = readFileSync(join(__dirname, "..", "assets", "icon.png"));

    const result = await createHarness(component).action("sendEmail", {
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
    console.log(`Send Email returned messageId ${messageId}`);

    const store = await (await fetch(`${endpoint}/store`)).json();
    const mail = store.emails.find((email) => email.messageId === messageId);
    if (!mail) throw new Error("The emulator has no message with that id.");

    console.log("\nDelivered:");
    console.log(`  From:     ${mail.from}`);
    console.log(`  To:       ${mail.destination.to.join(", ")}`);
    console.log(`  Bcc:      ${mail.destination.bcc.join(", ")}`);
    console.log(`  Reply-To: ${mail.replyTo.join(", ")}`);
    console.log(`  Subject:  ${mail.subject}`);
    console.log(`  Headers:  ${mail.headers.map((h) => `${h.name}: ${h.value}`).join("; ")}`);
    const sent = { "invoices.csv": report, "logo.png": logo };
    let intact = true;
    for (const file of mail.attachments) {
      const same = sha256(Buffer.from(file.content, "base64")) === sha256(sent[file.filename]);
      intact &&= same;
      console.log(
        `  Attached: ${file.filename} (${file.contentType}, ${file.size} bytes, ${file.contentDisposition ?? "attachment"}) ${same ? "bytes identical" : "BYTES DIFFER"}`,
      );
    }
    if (!intact || mail.attachments.length !== 2)
      throw new Error("The delivered attachments differ from the sent ones.");
    console.log("\nDemo OK: the component sent the message and every attachment arrived intact.");
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${error.message}`);
  process.exit(1);
});
