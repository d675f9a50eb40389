#!/usr/bin/env node
/**
 * The main job on an embedded local default: no AWS account, no network. Runs the BUILT
 * component (dist/index.js) through Spectral's harness, as Prismatic's runner would, against
 * local emulators: the SES v2 emulator for sending; s3rver plus a KMS stand-in for received mail;
 * a local stand-in for SNS (signing, certificate) to drive the Received Email trigger; fauxqs
 * (SQS + SNS) for the SQS trigger.
 */
const { join } = require("node:path");
const { createConnection, createHarness } = require("@prismatic-io/spectral/dist/testing");
const { sendMailDemo } = require("./sendMail");
const { receiveMailDemo } = require("./receiveMail");
const { queueEventsDemo } = require("./queueEvents");

// The steps' execution-log lines (Spectral's harness logs to the console): shown indented and
// labelled, so they read as the log of a step, not as the demo's own findings or errors.
const print = console.log.bind(console);
for (const [level, label] of [
  ["info", "step log"],
  ["warn", "step log, warning"],
  ["error", "step log, error"],
]) {
  console[level] = (...parts) => print(`   ${label}: ${parts.join(" ")}`);
}

async function main() {
  const component = require(join(__dirname, "..", "dist", "index.js")).default;
  // The emulators only check that requests are signed with a known key; these are not real keys.
  const keys = {
    accessKeyId: "AKIALOCALDEMO0000001",
    secretAccessKey: "local-demo-secret-not-real",
  };
  const connection = createConnection(component.connections[0], keys);
  const harness = createHarness(component);

  await sendMailDemo({ harness, connection });
  await receiveMailDemo({ harness, connection, keys });
  await queueEventsDemo({ harness, connection });
  console.log(
    "\nDemo OK: mail sent with its attachments intact; received encrypted mail fetched, authenticated, decrypted and parsed, by the action and by the SNS-triggered flow; tampered mail and a forged notification refused; SES events through SQS handed over once and acknowledged (on Node >= 22.5).",
  );
}

main().catch((error) => {
  process.stderr.write(`Demo failed: ${error.message}\n`);
  process.exit(1);
});
