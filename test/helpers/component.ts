import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src";
import { accessKeyConnection, assumeRoleConnection } from "../../src/connections";

export const harness = createHarness(component);

// Obviously fake values in AWS's key format; nothing here is a real credential.
export const TEST_KEY_ID = "AKIATESTKEY000000001";
export const TEST_SECRET = "test-secret-NOT-REAL-b9c1f3e2d4a5";

export const accessKey = createConnection(accessKeyConnection, {
  accessKeyId: TEST_KEY_ID,
  secretAccessKey: TEST_SECRET,
});

export function roleConnection(fields: Record<string, string> = {}) {
  return createConnection(assumeRoleConnection, {
    accessKeyId: TEST_KEY_ID,
    secretAccessKey: TEST_SECRET,
    roleARN: "arn:aws:iam::123456789012:role/PrismaticSes",
    externalId: "ext-1234",
    sessionName: "prismatic-ses",
    durationSeconds: "3600",
    ...fields,
  });
}

/** Every list input given explicitly: the harness would otherwise pass "" for them. */
export const EMPTY_SEND_LISTS = {
  to: [],
  cc: [],
  bcc: [],
  replyTo: [],
  attachments: [],
  inlineImages: [],
  messageTags: [],
  customHeaders: [],
};

/** The `data` of an action result, failing the test when there is none. */
export function dataOf<T>(result: unknown): T {
  const data = (result as { data?: unknown } | undefined)?.data;
  if (data === undefined) throw new Error("The action returned no data.");
  return data as T;
}

/** The error a promise rejects with, failing the test when it resolves instead. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("Expected the call to fail, but it succeeded.");
}

// A mock of any client, and any of its command classes: the types are the SDK's own.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyCommand = any;
type CommandMock = { commandCalls: (command: AnyCommand) => { args: { input: AnyCommand }[] }[] };

/** The inputs a mocked SDK client was sent, for one command class, in call order. */
export function inputsOf(mock: CommandMock, command: AnyCommand) {
  return mock.commandCalls(command).map((call) => call.args[0].input);
}
