import {
  CloneReceiptRuleSetCommand,
  CreateReceiptFilterCommand,
  CreateReceiptRuleSetCommand,
  DeleteReceiptFilterCommand,
  DeleteReceiptRuleCommand,
  DeleteReceiptRuleSetCommand,
  DescribeReceiptRuleCommand,
  DescribeReceiptRuleSetCommand,
  ListReceiptFiltersCommand,
  ReorderReceiptRuleSetCommand,
  SESClient,
  SendBounceCommand,
  SetActiveReceiptRuleSetCommand,
  UpdateReceiptRuleCommand,
} from "@aws-sdk/client-ses";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, dataOf, harness, inputsOf } from "../helpers/component";

const sesv1 = mockClient(SESClient);
mockClient(SESv2Client).onAnyCommand().resolves({});
beforeEach(() => {
  sesv1.reset();
  sesv1.onAnyCommand().resolves({});
});

const run = (key: string, params: Record<string, unknown>) =>
  harness.action(key, { connection: accessKey, region: "us-east-1", ...params });

// biome-ignore lint/suspicious/noExplicitAny: each row names its own command class
const ROWS: [string, Record<string, unknown>, any, Record<string, unknown>][] = [
  [
    "createReceiptRuleSet",
    { ruleSet: "inbound-2026" },
    CreateReceiptRuleSetCommand,
    { RuleSetName: "inbound-2026" },
  ],
  [
    "deleteReceiptRuleSet",
    { ruleSet: "inbound-2025" },
    DeleteReceiptRuleSetCommand,
    { RuleSetName: "inbound-2025" },
  ],
  [
    "cloneReceiptRuleSet",
    { ruleSet: "inbound-2026", originalRuleSet: "inbound-2025" },
    CloneReceiptRuleSetCommand,
    { RuleSetName: "inbound-2026", OriginalRuleSetName: "inbound-2025" },
  ],
  [
    "setActiveReceiptRuleSet",
    { ruleSet: "inbound-2026" },
    SetActiveReceiptRuleSetCommand,
    { RuleSetName: "inbound-2026" },
  ],
  ["setActiveReceiptRuleSet", {}, SetActiveReceiptRuleSetCommand, { RuleSetName: undefined }],
  [
    "deleteReceiptRule",
    { ruleSet: "inbound-2026", ruleName: "store-inbound" },
    DeleteReceiptRuleCommand,
    { RuleSetName: "inbound-2026", RuleName: "store-inbound" },
  ],
  [
    "reorderReceiptRules",
    { ruleSet: "inbound-2026", ruleOrder: ["stop-auto-replies", "store-inbound"] },
    ReorderReceiptRuleSetCommand,
    { RuleSetName: "inbound-2026", RuleNames: ["stop-auto-replies", "store-inbound"] },
  ],
  [
    "createReceiptFilter",
    { filterName: "block-range", cidr: "203.0.113.0/24", policy: "Block" },
    CreateReceiptFilterCommand,
    { Filter: { Name: "block-range", IpFilter: { Cidr: "203.0.113.0/24", Policy: "Block" } } },
  ],
  [
    "deleteReceiptFilter",
    { filterName: "block-range" },
    DeleteReceiptFilterCommand,
    { FilterName: "block-range" },
  ],
  [
    "updateReceiptRule",
    {
      ruleSet: "inbound-2026",
      ruleName: "store-inbound",
      enabled: "false",
      recipients: ["orders@inbound.example.com"],
      bucket: "inbound-mail",
      prefix: "inbound/",
      topicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
    },
    UpdateReceiptRuleCommand,
    {
      RuleSetName: "inbound-2026",
      Rule: {
        Name: "store-inbound",
        Enabled: false,
        Recipients: ["orders@inbound.example.com"],
        ScanEnabled: true,
        TlsPolicy: "Optional",
        Actions: [
          {
            S3Action: {
              BucketName: "inbound-mail",
              ObjectKeyPrefix: "inbound/",
              KmsKeyArn: undefined,
              TopicArn: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
            },
          },
        ],
      },
    },
  ],
  [
    "sendBounce",
    {
      originalMessageId: "o3vrnil0e2ic28trm7dfhrc2v0",
      bounceSender: "mailer-daemon@inbound.example.com",
      recipients: ["gone@inbound.example.com", "old@inbound.example.com"],
      bounceType: "DoesNotExist",
      explanation: "No such mailbox.",
    },
    SendBounceCommand,
    {
      OriginalMessageId: "o3vrnil0e2ic28trm7dfhrc2v0",
      BounceSender: "mailer-daemon@inbound.example.com",
      Explanation: "No such mailbox.",
      BouncedRecipientInfoList: [
        { Recipient: "gone@inbound.example.com", BounceType: "DoesNotExist" },
        { Recipient: "old@inbound.example.com", BounceType: "DoesNotExist" },
      ],
    },
  ],
];

describe("receipt rule lifecycle (SES v1): exact command input", () => {
  it.each(ROWS)("%s %j", async (key, params, command, expected) => {
    await run(key, params);
    expect(sesv1.calls()).toHaveLength(1);
    expect(inputsOf(sesv1, command)).toEqual([expected]);
  });

  it.each([
    ["createReceiptRuleSet", { ruleSet: "-starts-with-dash" }, /must start with a letter or digit/],
    ["reorderReceiptRules", { ruleSet: "s", ruleOrder: ["a", "b", "a"] }, /names "a" twice/],
    ["reorderReceiptRules", { ruleSet: "s", ruleOrder: [] }, /list the set's rules/],
    [
      "createReceiptFilter",
      { filterName: "f", cidr: "2001:db8::/32" },
      /not an IPv4 address or CIDR range/,
    ],
    [
      "createReceiptFilter",
      { filterName: "f", cidr: "203.0.113.0/33" },
      /not an IPv4 address or CIDR range/,
    ],
    [
      "createReceiptFilter",
      { filterName: "f", cidr: "10.0.0.1", policy: "Deny" },
      /Block or Allow/,
    ],
    [
      "sendBounce",
      {
        originalMessageId: "m",
        bounceSender: "Jane <a@example.com>",
        recipients: ["b@example.com"],
      },
      /bare address/,
    ],
    [
      "sendBounce",
      { originalMessageId: "m", bounceSender: "a@example.com", recipients: [] },
      /at least one address/,
    ],
    [
      "sendBounce",
      {
        originalMessageId: "m",
        bounceSender: "a@example.com",
        recipients: ["b@example.com"],
        bounceType: "Gone",
      },
      /Bounce Type must be/,
    ],
    [
      "sendBounce",
      { originalMessageId: "m id", bounceSender: "a@example.com", recipients: ["b@example.com"] },
      /not an SES message ID/,
    ],
  ])("%s refuses %j before any call", async (key, params, message) => {
    await expect(run(key, params)).rejects.toThrow(message);
    expect(sesv1.calls()).toHaveLength(0);
  });
});

describe("receipt rule lifecycle: reads", () => {
  it("describes a rule set with its rules in order, and one rule", async () => {
    const rule = {
      Name: "store-inbound",
      Enabled: true,
      Recipients: ["orders@inbound.example.com"],
      ScanEnabled: true,
      TlsPolicy: "Require" as const,
      Actions: [{ S3Action: { BucketName: "inbound-mail", ObjectKeyPrefix: "inbound/" } }],
    };
    sesv1.on(DescribeReceiptRuleSetCommand).resolves({
      Metadata: { Name: "inbound-2026", CreatedTimestamp: new Date("2026-11-20T08:31:12Z") },
      Rules: [{ Name: "stop-auto-replies", Actions: [{ StopAction: { Scope: "RuleSet" } }] }, rule],
    });
    sesv1.on(DescribeReceiptRuleCommand).resolves({ Rule: rule });
    const set = dataOf<{
      createdAt: string;
      rules: { name: string; actions: { type: string }[] }[];
    }>(await run("describeReceiptRuleSet", { ruleSet: "inbound-2026" }));
    expect(set.createdAt).toBe("2026-11-20T08:31:12.000Z");
    expect(set.rules.map((r) => [r.name, r.actions.map((a) => a.type)])).toEqual([
      ["stop-auto-replies", ["Stop"]],
      ["store-inbound", ["S3"]],
    ]);
    const one = dataOf<{ rule: Record<string, unknown> }>(
      await run("describeReceiptRule", { ruleSet: "inbound-2026", ruleName: "store-inbound" }),
    );
    expect(inputsOf(sesv1, DescribeReceiptRuleCommand)).toEqual([
      { RuleSetName: "inbound-2026", RuleName: "store-inbound" },
    ]);
    expect(one.rule).toMatchObject({
      name: "store-inbound",
      tlsPolicy: "Require",
      scanEnabled: true,
    });
  });

  it("lists receipt filters", async () => {
    sesv1.on(ListReceiptFiltersCommand).resolves({
      Filters: [{ Name: "allow-partner", IpFilter: { Cidr: "198.51.100.7", Policy: "Allow" } }],
    });
    expect(dataOf(await run("listReceiptFilters", {}))).toEqual({
      filters: [{ name: "allow-partner", cidr: "198.51.100.7", policy: "Allow" }],
    });
  });
});
