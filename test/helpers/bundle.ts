import { existsSync } from "node:fs";
import { join } from "node:path";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import type component from "../../src";

export const DIST = join(__dirname, "..", "..", "dist");

/** The built component, as `prism components:publish` uploads it (`npm test` builds it first). */
export function bundledComponent(): typeof component {
  const entry = join(DIST, "index.js");
  if (!existsSync(entry)) {
    throw new Error("dist/index.js is missing: run `npm run build` before the tests.");
  }
  return require(entry).default;
}

/** Spectral's harness on the built bundle: inputs are cleaned and hooks run as in production. */
export const bundledHarness = () => createHarness(bundledComponent());
