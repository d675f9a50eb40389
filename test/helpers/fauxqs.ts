import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { serveSnsLocally } from "./snsSigner";

/** fauxqs needs node:sqlite, which Node has from 22.5; the runtime (Node 22) has it. */
export const fauxqsRuns = (() => {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 5);
})();

/** `describe` where fauxqs runs; elsewhere a visible skip that says why. */
export const describeWithFauxqs = fauxqsRuns
  ? describe
  : (name: string, body: () => void) => {
      // Straight to stderr: the console is silenced in tests, and a skip must be seen.
      process.stderr.write(
        `Skipped "${name}": fauxqs needs Node >= 22.5, this is ${process.version} (npm run test:node22 runs it).\n`,
      );
      describe.skip(`${name} (skipped: fauxqs needs Node >= 22.5)`, body);
    };

export interface Fauxqs {
  endpoint: string;
  stop: () => Promise<void>;
}

/** A fauxqs server in a child process, on a free loopback port. */
export async function startFauxqs(): Promise<Fauxqs> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, "fauxqsServer.mjs")], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`fauxqs exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
  });
  const { address } = JSON.parse(line) as { address: string };
  return {
    endpoint: address,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.stdin?.end();
      }),
  };
}

/** fauxqs for the whole file, SNS's certificate served in-process, and the execution log muted. */
export function useFauxqsAndSns(): { fauxqs: () => Fauxqs } {
  let server: Fauxqs;
  let sns: { restore: () => void };
  const quiet: jest.SpyInstance[] = [];
  beforeAll(async () => {
    server = await startFauxqs();
    sns = serveSnsLocally();
    // The steps' execution log (Spectral's logger writes to the console): jest would print each
    // line of the built bundle with a code frame of its one 2 MB line.
    for (const method of ["info", "warn"] as const) {
      quiet.push(jest.spyOn(console, method).mockImplementation(() => {}));
    }
  });
  afterAll(async () => {
    for (const spy of quiet) spy.mockRestore();
    sns.restore();
    await server.stop();
  });
  return { fauxqs: () => server };
}
