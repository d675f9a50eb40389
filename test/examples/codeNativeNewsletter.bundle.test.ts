import { createConnection } from "@prismatic-io/spectral/dist/testing";
import { sendNewsletter } from "../../examples/code-native/src/newsletter";
import { bundledComponent, bundledHarness } from "../helpers/bundle";
import { TEST_KEY_ID, TEST_SECRET } from "../helpers/component";
import { startRateLimitedSes } from "../helpers/rateLimitedSes";

// The code-native example's newsletter flow, on the built component against a local SES that
// answers SendBulkEmail and GetAccount at a set rate: each execution as Prismatic would run it,
// and the flow it invokes to go on run as the next execution.
// biome-ignore lint/suspicious/noExplicitAny: flow results are checked field by field
type Loose = any;
jest.setTimeout(120_000);

const harness = bundledHarness();
const connection = createConnection(bundledComponent().connections?.[0] as never, {
  accessKeyId: TEST_KEY_ID,
  secretAccessKey: TEST_SECRET,
});

/** Runs the flow, then every execution it invokes, until one invokes no other. */
async function runToTheEnd(endpoint: string, override: Record<string, unknown> = {}) {
  const awsSes = new Proxy(
    {},
    {
      get: (_target, action: string) => (params: Record<string, unknown>) =>
        harness.action(action, { ...params, endpoint, ...override }),
    },
  );
  const executions: Loose[] = [];
  let trigger: unknown = {};
  while (trigger !== null && executions.length < 50) {
    let next: unknown = null;
    const context = {
      configVars: { "AWS Connection": connection },
      components: { awsSes },
      logger: { info: () => {}, error: () => {} },
      invokeFlow: async (name: string, data: unknown) => {
        expect(name).toBe("Send newsletter");
        next = data;
        return {};
      },
    };
    const onExecution = sendNewsletter.onExecution as Loose;
    executions.push(
      await onExecution(context, { onTrigger: { results: { body: { data: trigger } } } }),
    );
    trigger = next;
  }
  return executions;
}

describe("the code-native example's newsletter flow (examples/code-native), on the built component", () => {
  it("sends all 50,000 subscribers once in one execution when the rate allows", async () => {
    const ses = await startRateLimitedSes({ rate: 50_000 });
    try {
      const executions = await runToTheEnd(ses.url);
      expect(executions).toHaveLength(1);
      expect(executions[0].data.overall).toMatchObject({ done: 50_000, remaining: 0 });
      expect(ses.accepted.size).toBe(50_000);
      expect([...ses.accepted.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await ses.close();
    }
  });

  it("goes on in the executions it invokes with the cursor, sending each subscriber once", async () => {
    // Prismatic ends an execution after 15 minutes; a 5 s budget (the least the action takes)
    // makes the flow hand over after some 17,000 sends, as its 600 s budget does on a real
    // account's rate.
    const ses = await startRateLimitedSes({ rate: 3_500, entryFailure: 0.01 });
    try {
      const executions = await runToTheEnd(ses.url, { timeBudgetSeconds: "5" });
      expect(executions.length).toBeGreaterThan(2);
      expect(executions.at(-1).data.overall).toMatchObject({ done: 50_000, remaining: 0 });
      expect(ses.accepted.size).toBe(50_000);
      expect([...ses.accepted.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await ses.close();
    }
  });
});
