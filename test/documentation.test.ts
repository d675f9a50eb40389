import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { harness } from "./helpers/component";

// biome-ignore lint/suspicious/noExplicitAny: the generator is plain JavaScript
const { renderAll, IAM_PERMISSIONS } = require("../scripts/docs.js") as any;
const docs = join(__dirname, "..", "documentation");

describe("generated documentation", () => {
  const expected: Record<string, string> = renderAll(harness.component);

  it("has a page for every action and trigger and nothing else", () => {
    const onDisk = ["actions", "triggers"].flatMap((folder) =>
      readdirSync(join(docs, folder)).map((name) => `${folder}/${name}`),
    );
    expect(onDisk.sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(IAM_PERMISSIONS).sort()).toEqual(
      Object.keys(harness.component.actions).sort(),
    );
  });

  it.each(Object.keys(renderAll(harness.component)))(
    "%s matches the component (run `npm run docs` after changing an action or trigger)",
    (name) => {
      expect(readFileSync(join(docs, name), "utf8")).toBe(expected[name]);
    },
  );
});
