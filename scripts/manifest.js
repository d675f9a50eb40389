#!/usr/bin/env node
/**
 * `npm run manifest`: generates the component manifest (typed actions, triggers, data sources and
 * connections, for code-native integrations) into manifest/ with Spectral's generator, then fixes
 * one thing the generator of Spectral 10.31.1 gets wrong: it writes each action's
 * outputSchema.schema as a JSON *string*, which Spectral's own ComponentManifest type refuses;
 * the string becomes the object it encodes.
 */
const { execFileSync } = require("node:child_process");
const { readdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const bins = join(root, "node_modules", ".bin");
// The generator runs the prism CLI (a devDependency) for the component's signature.
execFileSync(
  join(bins, "component-manifest"),
  ["--skip-signature-verify", "--output-dir", "manifest"],
  {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PATH: `${bins}${require("node:path").delimiter}${process.env.PATH}` },
  },
);

const actions = join(root, "manifest", "src", "actions");
let fixed = 0;
for (const file of readdirSync(actions).filter((name) => name.endsWith(".ts"))) {
  const path = join(actions, file);
  const text = readFileSync(path, "utf8");
  const repaired = text.replace(/schema:\s*'((?:[^'\\]|\\.)*)'/g, (_match, literal) => {
    fixed += 1;
    const json = JSON.parse(literal.replace(/\\'/g, "'").replace(/\\\\/g, "\\"));
    // Typed as Spectral's JSON Schema: the generated object is `as const`, whose readonly
    // arrays the schema type does not accept.
    return `schema: ${JSON.stringify(json)} as unknown as import("@prismatic-io/spectral").ActionOutputSchema["schema"]`;
  });
  if (repaired !== text) writeFileSync(path, repaired);
}
console.log(`Fixed ${fixed} output schemas in manifest/src/actions.`);
