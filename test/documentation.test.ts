import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { harness } from "./helpers/component";

// biome-ignore lint/suspicious/noExplicitAny: the generator is plain JavaScript
const { renderAll, IAM_PERMISSIONS } = require("../scripts/docs.js") as any;
const folder = join(__dirname, "..", "documentation", "actions");

describe("documentation/actions", () => {
  const expected: Record<string, string> = renderAll(harness.component);

  it("has a page for every action and nothing else", () => {
    expect(readdirSync(folder).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(IAM_PERMISSIONS).sort()).toEqual(
      Object.keys(harness.component.actions).sort(),
    );
  });

  it.each(Object.keys(renderAll(harness.component)))(
    "%s matches the component (run `npm run docs` after changing an action)",
    (name) => {
      expect(readFileSync(join(folder, name), "utf8")).toBe(expected[name]);
    },
  );
});
