#!/usr/bin/env node
/**
 * The IAM policy of documentation/iam-policy.md, generated from the code: every AWS call is an
 * SDK command (or paginator) a module loads with `const { ...Command } = await import("@aws-sdk/client-<x>")`,
 * and the module's folder says which statement it belongs to. Run by `npm run docs`;
 * test/documentation.test.ts fails when the page and the code disagree.
 */
const { readdirSync, readFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const SRC = join(__dirname, "..", "src");

// SDK commands whose IAM action is not named after them.
const IAM_NAME = {
  ListObjectsV2: "ListBucket",
  DeleteMessageBatch: "DeleteMessage",
  SendMessageBatch: "SendMessage",
};
// What a call needs beyond its own action: SES v2 SendEmail with raw content also needs
// ses:SendRawEmail (AWS's managed policies grant both).
const ALSO = { "actions/sending/sendRawEmail.ts": ["ses:SendRawEmail"] };
// Calls IAM never denies: they need no statement.
const NEEDS_NO_PERMISSION = new Set(["sts:GetCallerIdentity"]);
const SERVICE = {
  sesv2: "ses",
  ses: "ses",
  s3: "s3",
  kms: "kms",
  sns: "sns",
  sqs: "sqs",
  sts: "sts",
};

/** Statement per source folder, in the page's order; the first match wins. */
const STATEMENTS = [
  {
    sid: "SesSend",
    files: /^actions\/sending\//,
    service: "ses:Send",
    resource: [
      "arn:aws:ses:us-east-1:123456789012:identity/*",
      "arn:aws:ses:us-east-1:123456789012:configuration-set/*",
      "arn:aws:ses:us-east-1:123456789012:template/*",
      "arn:aws:ses:us-east-1:123456789012:tenant/*",
    ],
  },
  // Send Bulk Templated Email reads the send rate: an account-level call, no resource.
  { sid: "SesSendRate", files: /^actions\/sending\//, service: "ses" },
  {
    sid: "BulkDestinationsFile",
    files: /^actions\/sending\//,
    service: "s3",
    resource: "arn:aws:s3:::destination-lists/*",
  },
  { sid: "SesTemplates", files: /^actions\/templates\// },
  { sid: "SesIdentities", files: /^actions\/identities\// },
  { sid: "SesSuppressionList", files: /^actions\/suppression\// },
  { sid: "SesAccount", files: /^actions\/account\// },
  { sid: "SesContactLists", files: /^actions\/contacts\// },
  { sid: "SesVerificationEmails", files: /^actions\/verification\// },
  { sid: "SesConfigurationSets", files: /^actions\/configurationSets\// },
  { sid: "SesReceiptRules", files: /^actions\/receiptRules\// },
  { sid: "SesTenants", files: /^actions\/tenants\// },
  {
    sid: "ReceivedMail",
    files: /^(actions\/inbound|inbound)\//,
    resource: ["arn:aws:s3:::inbound-mail", "arn:aws:s3:::inbound-mail/inbound/*"],
  },
  {
    sid: "ReceivedMailKmsKey",
    files: /^s3crypto\//,
    resource: "arn:aws:kms:us-east-1:123456789012:key/RECEIPT-RULE-KEY-ID",
  },
  {
    sid: "SesEventQueue",
    files: /^queue\//,
    resource: [
      "arn:aws:sqs:us-east-1:123456789012:ses-events",
      "arn:aws:sqs:us-east-1:123456789012:ses-events-dlq",
    ],
  },
  {
    sid: "SnsTriggerSubscription",
    files: /^triggers\//,
    service: "sns",
    resource: "arn:aws:sns:us-east-1:123456789012:ses-notifications",
  },
  { sid: "SesTriggerIdentityNotifications", files: /^triggers\//, service: "ses" },
  { sid: "Picklists", files: /^dataSources\// },
];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every AWS call of the code: [IAM action, file under src/]. */
function awsCalls() {
  const calls = [];
  const pattern = /const\s*\{([^}]*)\}\s*=\s*await import\(\s*"@aws-sdk\/client-([a-z0-9]+)"\s*\)/g;
  for (const file of sourceFiles(SRC)) {
    for (const [, names, client] of readFileSync(file, "utf8").matchAll(pattern)) {
      for (const name of names.split(",").map((n) => n.trim().split(":")[0].trim())) {
        // A paginator calls its command: paginateListTenants is ListTenants.
        const match = /^(?:paginate(\w+)|(\w+)Command)$/.exec(name);
        const command = match?.[1] ?? match?.[2];
        if (command && !NEEDS_NO_PERMISSION.has(`${SERVICE[client]}:${command}`)) {
          calls.push([`${SERVICE[client]}:${IAM_NAME[command] ?? command}`, relative(SRC, file)]);
        }
      }
      for (const action of ALSO[relative(SRC, file)] ?? [])
        calls.push([action, relative(SRC, file)]);
    }
  }
  return calls;
}

/**
 * The identity policy for every action, trigger and picklist (the Role ARN connection's
 * sts:AssumeRole belongs to the calling principal, so it is not in it; Call SES Operation's
 * calls depend on the operation chosen).
 */
function generatedPolicy() {
  const actions = new Map(STATEMENTS.map((statement) => [statement.sid, new Set()]));
  for (const [action, file] of awsCalls()) {
    if (action.startsWith("sts:")) continue;
    const statement = STATEMENTS.find(
      (s) =>
        s.files.test(file) &&
        (!s.service || action.startsWith(s.service.includes(":") ? s.service : `${s.service}:`)),
    );
    if (!statement) throw new Error(`${file} calls ${action}, but no statement takes that folder.`);
    actions.get(statement.sid).add(action);
  }
  return {
    Version: "2012-10-17",
    Statement: STATEMENTS.filter((s) => actions.get(s.sid).size > 0).map((s) => ({
      Sid: s.sid,
      Effect: "Allow",
      Action: [...actions.get(s.sid)].sort(),
      Resource: s.resource ?? "*",
    })),
  };
}

const BEGIN = "<!-- generated by scripts/iam-policy.js: run `npm run docs` -->";
const END = "<!-- end of generated policy -->";

/** The page with its generated block replaced. */
function renderPolicyPage(page) {
  const [before, rest] = page.split(BEGIN);
  if (rest === undefined) throw new Error(`documentation/iam-policy.md has no "${BEGIN}" line.`);
  const after = rest.split(END)[1];
  const json = JSON.stringify(generatedPolicy(), null, 2);
  return `${before}${BEGIN}\n\`\`\`json\n${json}\n\`\`\`\n${END}${after}`;
}

module.exports = { awsCalls, generatedPolicy, renderPolicyPage };
