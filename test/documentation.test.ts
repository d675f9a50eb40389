import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eventExamples } from "../src/sesEvents/examples";
import { SES_EVENT_TYPES } from "../src/sesEvents/normalize";
import { harness } from "./helpers/component";

// biome-ignore lint/suspicious/noExplicitAny: the generator is plain JavaScript
const { renderAll, IAM_PERMISSIONS } = require("../scripts/docs.js") as any;
const docs = join(__dirname, "..", "documentation");

describe("generated documentation", () => {
  const expected: Record<string, string> = renderAll(harness.component, eventExamples());

  it("has a page for every action and trigger and nothing else", () => {
    const onDisk = ["actions", "triggers"].flatMap((folder) =>
      readdirSync(join(docs, folder)).map((name) => `${folder}/${name}`),
    );
    expect(onDisk.sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(IAM_PERMISSIONS).sort()).toEqual(
      Object.keys(harness.component.actions).sort(),
    );
  });

  it("iam-policy.md holds the policy generated from the code (run `npm run docs`)", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the generator is plain JavaScript
    const { renderPolicyPage } = require("../scripts/iam-policy.js") as any;
    const page = readFileSync(join(docs, "iam-policy.md"), "utf8");
    expect(page).toBe(renderPolicyPage(page));
  });

  it("shows every SES event type on the SES Notification trigger's page", () => {
    const page = expected["triggers/sesNotification.md"];
    for (const type of SES_EVENT_TYPES) expect(page).toContain(`### ${type}\n`);
    expect(page).toContain("`event.open.userAgent` (string)");
    expect(page).toContain("`event.subscription.newTopicPreferences.unsubscribeAll` (boolean)");
  });

  it.each(Object.keys(renderAll(harness.component, eventExamples())))(
    "%s matches the component (run `npm run docs` after changing an action or trigger)",
    (name) => {
      expect(readFileSync(join(docs, name), "utf8")).toBe(expected[name]);
    },
  );
});
