import { existsSync } from "node:fs";
import { join } from "node:path";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../src";
import { dataOf, TEST_KEY_ID, TEST_SECRET } from "./helpers/component";
import { startSesEmulator } from "./helpers/sesEmulator";

const dist = join(__dirname, "..", "dist");

describe("the built bundle (what prism components:publish uploads)", () => {
  if (!existsSync(join(dist, "index.js"))) {
    it("exists", () => {
      throw new Error("dist/index.js is missing: run `npm run build` before `npm test`.");
    });
    return;
  }
  // biome-ignore lint/suspicious/noExplicitAny: the bundle is plain CommonJS
  const bundled = require(join(dist, "index.js")).default as any;

  it("exports the component with its connections, actions and icon", () => {
    expect(bundled.key).toBe("aws-ses-connector");
    expect(bundled.display).toMatchObject({ label: "Amazon SES", iconPath: "icon.png" });
    expect(existsSync(join(dist, bundled.display.iconPath))).toBe(true);
    expect(bundled.connections.map((c: { key: string }) => c.key)).toEqual([
      "apiKeySecret",
      "awsAssumeRole",
    ]);
    expect(Object.keys(bundled.actions)).toEqual(Object.keys(component.actions));
    expect(Object.keys(bundled.actions)).toHaveLength(94);
    expect(Object.keys(bundled.triggers).sort()).toEqual([
      "bounceNotification",
      "complaintNotification",
      "newReceivedEmail",
      "receivedEmail",
      "sesEventBridgeEvents",
      "sesNotification",
      "sesQueueEvents",
    ]);
    for (const [key, trigger] of Object.entries(bundled.triggers) as [
      string,
      { hasOnInstanceDeploy?: boolean; examplePayload?: unknown },
    ][]) {
      // The SNS and SQS triggers subscribe or check on deploy; a poll or an API destination
      // needs nothing then.
      expect(trigger.hasOnInstanceDeploy === true).toBe(
        !["sesEventBridgeEvents", "newReceivedEmail"].includes(key),
      );
      expect(trigger.examplePayload).toBeDefined();
    }
    expect(Object.keys(bundled.dataSources).sort()).toEqual(
      Object.keys(component.dataSources ?? {}).sort(),
    );
    expect(Object.keys(bundled.dataSources)).toHaveLength(11);
    for (const action of Object.values(bundled.actions) as { examplePayload?: unknown }[]) {
      expect(action.examplePayload).toBeDefined();
    }
  });

  it.each([
    ["an AWS-shaped key", TEST_KEY_ID, TEST_SECRET],
    ["the emulator's own key test / test", "test", "test"],
  ])(
    "sends mail from the bundle itself through the local SES emulator, with %s",
    async (_case, accessKeyId, secretAccessKey) => {
      const emulator = await startSesEmulator();
      try {
        const connection = createConnection(bundled.connections[0], {
          accessKeyId,
          secretAccessKey,
        });
        const result = await createHarness(bundled).action("sendEmail", {
          connection,
          region: "us-east-1",
          endpoint: emulator.url,
          from: "a@example.com",
          to: ["b@example.com"],
          cc: [],
          bcc: [],
          replyTo: [],
          subject: "From the bundle",
          textBody: "ok",
          attachments: [{ key: "note.txt", value: "bundled" }],
          inlineImages: [],
          messageTags: [],
          customHeaders: [],
        });
        const stored = await emulator.emails();
        expect(stored.map((e) => e.messageId)).toContain(
          dataOf<{ messageId: string }>(result).messageId,
        );
      } finally {
        await emulator.close();
      }
    },
  );
});
