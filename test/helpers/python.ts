import { execFileSync } from "node:child_process";

/** Whether python3 runs here: tests that ask Python's stdlib for a second opinion need it. */
export const hasPython3 = (() => {
  try {
    execFileSync("python3", ["--version"]);
    return true;
  } catch {
    return false;
  }
})();
