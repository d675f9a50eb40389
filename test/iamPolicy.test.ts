import { readFileSync } from "node:fs";
import { join } from "node:path";

// Every AWS call the code makes, read from the code itself by scripts/iam-policy.js (each SDK
// command a module loads). Each must have its IAM action in documentation/iam-policy.md, so a new
// call without a policy entry fails here.
const POLICY = readFileSync(join(__dirname, "..", "documentation", "iam-policy.md"), "utf8");
// biome-ignore lint/suspicious/noExplicitAny: the generator is plain JavaScript
const { awsCalls } = require("../scripts/iam-policy.js") as any;

function iamActionsOfCode(): Map<string, string[]> {
  const calls = new Map<string, string[]>();
  for (const [action, file] of awsCalls() as [string, string][]) {
    calls.set(action, [...(calls.get(action) ?? []), file]);
  }
  return calls;
}

// biome-ignore lint/suspicious/noExplicitAny: the generator is plain JavaScript
const { IAM_PERMISSIONS } = require("../scripts/docs.js") as any;

/** The actions of the JSON block under a "### <title>" heading. */
function variant(title: string): string[] {
  const section = POLICY.split(`### ${title}\n`)[1]?.split("\n### ")[0] ?? "";
  const json = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? "{}";
  const statements = (JSON.parse(json).Statement ?? []) as { Action: string | string[] }[];
  return statements.flatMap((statement) => [statement.Action].flat());
}

describe("documentation/iam-policy.md", () => {
  it.each([
    ["Sending only", ["sendEmail", "sendTemplatedEmail", "sendRawEmail", "sendBulkTemplatedEmail"]],
    ["Receiving mail", ["fetchReceivedEmail", "listReceivedEmails", "deleteReceivedEmail"]],
    ["SES events from SQS", ["acknowledgeSesEvents", "redriveDeadLetterQueue"]],
  ])("its least-privilege variant %s covers every action it names", (title, actions) => {
    const granted = variant(title);
    expect(granted.length).toBeGreaterThan(0);
    const needed = actions.flatMap((action) =>
      (IAM_PERMISSIONS[action] as string[])
        // kms:Decrypt is granted in the key policy; a Destinations File's s3:GetObject is
        // optional, and the variant says to add it.
        .filter((permission) => !/^kms:|a Destinations File/.test(permission))
        .map((permission) => permission.replace(/ \(.*/, "")),
    );
    expect(needed.filter((permission) => !granted.includes(permission))).toEqual([]);
  });

  const calls = iamActionsOfCode();

  it("finds the AWS calls in the code (the scan itself works)", () => {
    expect(calls.size).toBeGreaterThan(80);
    expect([...calls.keys()]).toEqual(
      expect.arrayContaining([
        "ses:SendEmail",
        "s3:ListBucket",
        "sqs:DeleteMessage",
        "sts:AssumeRole",
      ]),
    );
  });

  it("names the IAM action of every AWS call the code makes", () => {
    const missing = [...calls].filter(([action]) => !POLICY.includes(`"${action}"`));
    expect(missing.map(([action, files]) => `${action} (${files.join(", ")})`)).toEqual([]);
  });
});
