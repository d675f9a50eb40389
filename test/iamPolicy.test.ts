import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Every AWS call the code makes, read from the code itself: each SDK command a module loads with
// `const { ...Command } = await import("@aws-sdk/client-<service>")`. Each must have its IAM
// action in documentation/iam-policy.md, so a new call without a policy entry fails here.
const SRC = join(__dirname, "..", "src");
const POLICY = readFileSync(join(__dirname, "..", "documentation", "iam-policy.md"), "utf8");

// SDK commands whose IAM action is not named after them.
const IAM_NAME: Record<string, string> = {
  ListObjectsV2: "ListBucket",
  DeleteMessageBatch: "DeleteMessage",
  SendMessageBatch: "SendMessage",
};
const SERVICE: Record<string, string> = {
  sesv2: "ses",
  ses: "ses",
  s3: "s3",
  kms: "kms",
  sns: "sns",
  sqs: "sqs",
  sts: "sts",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

function iamActionsOfCode(): Map<string, string[]> {
  const calls = new Map<string, string[]>();
  const pattern = /const\s*\{([^}]*)\}\s*=\s*await import\("@aws-sdk\/client-([a-z0-9]+)"\)/g;
  for (const file of sourceFiles(SRC)) {
    for (const [, names, client] of readFileSync(file, "utf8").matchAll(pattern)) {
      for (const name of names.split(",").map((n) => n.trim().split(":")[0].trim())) {
        const command = /^(\w+)Command$/.exec(name)?.[1];
        if (!command) continue;
        const action = `${SERVICE[client]}:${IAM_NAME[command] ?? command}`;
        calls.set(action, [...(calls.get(action) ?? []), file.slice(SRC.length + 1)]);
      }
    }
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
