#!/usr/bin/env node
/**
 * Writes documentation/actions/ and documentation/triggers/: one page per action or trigger
 * (inputs, IAM permission, example output) from the component itself, plus the hand-written
 * notes in documentation/notes/<key>.md, and an index of actions. Run by `npm run docs`; test/documentation.test.ts fails when a page is stale.
 */
const {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} = require("node:fs");
const { join } = require("node:path");
const { renderPolicyPage } = require("./iam-policy.js");

const DOCS = join(__dirname, "..", "documentation");

/** The IAM actions each action needs (SES v2 actions share the `ses:` prefix with v1). */
const IAM_PERMISSIONS = {
  onboardTenant: [
    "ses:GetTenant",
    "ses:CreateTenant",
    "ses:ListTenantResources",
    "ses:CreateTenantResourceAssociation",
    "ses:UpdateReputationEntityPolicy (with Reputation Policy)",
  ],
  createTenant: ["ses:CreateTenant", "ses:TagResource (with Tags)"],
  getTenant: ["ses:GetTenant", "ses:GetReputationEntity"],
  listTenants: ["ses:ListTenants"],
  deleteTenant: ["ses:DeleteTenant"],
  associateTenantResource: ["ses:GetTenant", "ses:CreateTenantResourceAssociation"],
  removeTenantResource: ["ses:GetTenant", "ses:DeleteTenantResourceAssociation"],
  listTenantResources: ["ses:ListTenantResources"],
  listResourceTenants: ["ses:ListResourceTenants", "sts:GetCallerIdentity (needs no permission)"],
  setTenantSuppression: ["ses:PutTenantSuppressionAttributes"],
  setTenantReputationPolicy: ["ses:GetTenant", "ses:UpdateReputationEntityPolicy"],
  setTenantSendingStatus: ["ses:GetTenant", "ses:UpdateReputationEntityCustomerManagedStatus"],
  sendEmail: ["ses:SendEmail"],
  callSesOperation: ["ses:<Operation> (the operation called: v1 and v2 share the ses: prefix)"],
  sendTemplatedEmail: ["ses:SendEmail"],
  sendBulkTemplatedEmail: [
    "ses:SendBulkEmail",
    "ses:GetAccount (only when Max Send Rate is empty)",
    "s3:GetObject (only with a Destinations File)",
  ],
  sendRawEmail: ["ses:SendEmail", "ses:SendRawEmail"],
  createTemplate: ["ses:CreateEmailTemplate"],
  getTemplate: ["ses:GetEmailTemplate"],
  updateTemplate: ["ses:UpdateEmailTemplate"],
  deleteTemplate: ["ses:DeleteEmailTemplate"],
  listTemplates: ["ses:ListEmailTemplates"],
  testRenderTemplate: ["ses:TestRenderEmailTemplate"],
  listIdentities: ["ses:ListEmailIdentities"],
  createEmailIdentity: ["ses:CreateEmailIdentity"],
  getEmailIdentity: ["ses:GetEmailIdentity"],
  deleteEmailIdentity: ["ses:DeleteEmailIdentity"],
  createReceiptRuleSet: ["ses:CreateReceiptRuleSet"],
  deleteReceiptRuleSet: ["ses:DeleteReceiptRuleSet"],
  describeReceiptRuleSet: ["ses:DescribeReceiptRuleSet"],
  cloneReceiptRuleSet: ["ses:CloneReceiptRuleSet"],
  setActiveReceiptRuleSet: ["ses:SetActiveReceiptRuleSet"],
  describeReceiptRule: ["ses:DescribeReceiptRule"],
  updateReceiptRule: ["ses:UpdateReceiptRule"],
  deleteReceiptRule: ["ses:DeleteReceiptRule"],
  reorderReceiptRules: ["ses:ReorderReceiptRuleSet"],
  listReceiptFilters: ["ses:ListReceiptFilters"],
  createReceiptFilter: ["ses:CreateReceiptFilter"],
  deleteReceiptFilter: ["ses:DeleteReceiptFilter"],
  sendBounce: ["ses:SendBounce"],
  getConfigurationSet: ["ses:GetConfigurationSet"],
  putConfigurationSetSending: ["ses:PutConfigurationSetSendingOptions"],
  putConfigurationSetTracking: ["ses:PutConfigurationSetTrackingOptions"],
  putConfigurationSetDelivery: ["ses:PutConfigurationSetDeliveryOptions"],
  putConfigurationSetReputation: ["ses:PutConfigurationSetReputationOptions"],
  putConfigurationSetSuppression: ["ses:PutConfigurationSetSuppressionOptions"],
  updateEventDestination: ["ses:UpdateConfigurationSetEventDestination"],
  putAccountSuppression: ["ses:PutAccountSuppressionAttributes"],
  putEmailIdentityMailFrom: ["ses:PutEmailIdentityMailFromAttributes"],
  putEmailIdentityDkimSigning: ["ses:PutEmailIdentityDkimAttributes"],
  putEmailIdentityDkimKeys: ["ses:PutEmailIdentityDkimSigningAttributes"],
  putEmailIdentityFeedback: ["ses:PutEmailIdentityFeedbackAttributes"],
  putEmailIdentityConfigurationSet: ["ses:PutEmailIdentityConfigurationSetAttributes"],
  getIdentityNotifications: ["ses:GetIdentityNotificationAttributes"],
  setIdentityNotificationTopic: ["ses:SetIdentityNotificationTopic"],
  setIdentityNotificationHeaders: ["ses:SetIdentityHeadersInNotificationsEnabled"],
  putSuppressedDestination: ["ses:PutSuppressedDestination"],
  getSuppressedDestination: ["ses:GetSuppressedDestination"],
  listSuppressedDestinations: ["ses:ListSuppressedDestinations"],
  deleteSuppressedDestination: ["ses:DeleteSuppressedDestination"],
  fetchReceivedEmail: ["s3:GetObject", "kms:Decrypt (only for mail SES encrypted)"],
  listReceivedEmails: ["s3:ListBucket"],
  deleteReceivedEmail: ["s3:DeleteObject"],
  getEmailIdentityPolicies: ["ses:GetEmailIdentityPolicies"],
  putEmailIdentityPolicy: ["ses:CreateEmailIdentityPolicy", "ses:UpdateEmailIdentityPolicy"],
  deleteEmailIdentityPolicy: ["ses:DeleteEmailIdentityPolicy"],
  createCustomVerificationEmailTemplate: ["ses:CreateCustomVerificationEmailTemplate"],
  getCustomVerificationEmailTemplate: ["ses:GetCustomVerificationEmailTemplate"],
  updateCustomVerificationEmailTemplate: ["ses:UpdateCustomVerificationEmailTemplate"],
  deleteCustomVerificationEmailTemplate: ["ses:DeleteCustomVerificationEmailTemplate"],
  listCustomVerificationEmailTemplates: ["ses:ListCustomVerificationEmailTemplates"],
  sendCustomVerificationEmail: ["ses:SendCustomVerificationEmail"],
  createContactList: ["ses:CreateContactList"],
  getContactList: ["ses:GetContactList"],
  updateContactList: ["ses:UpdateContactList"],
  deleteContactList: ["ses:DeleteContactList"],
  listContactLists: ["ses:ListContactLists"],
  createContact: ["ses:CreateContact"],
  getContact: ["ses:GetContact"],
  updateContact: ["ses:UpdateContact"],
  deleteContact: ["ses:DeleteContact"],
  listContacts: ["ses:ListContacts"],
  listReceiptRuleSets: ["ses:ListReceiptRuleSets"],
  describeActiveReceiptRuleSet: ["ses:DescribeActiveReceiptRuleSet"],
  createReceiptRule: ["ses:CreateReceiptRule"],
  createConfigurationSet: ["ses:CreateConfigurationSet"],
  deleteConfigurationSet: ["ses:DeleteConfigurationSet"],
  createEventDestination: ["ses:CreateConfigurationSetEventDestination"],
  listEventDestinations: ["ses:GetConfigurationSetEventDestinations"],
  deleteEventDestination: ["ses:DeleteConfigurationSetEventDestination"],
  getAccount: ["ses:GetAccount"],
  listConfigurationSets: ["ses:ListConfigurationSets"],
  acknowledgeSesEvents: ["sqs:DeleteMessage"],
  redriveDeadLetterQueue: [
    "sqs:ReceiveMessage (dead-letter queue)",
    "sqs:DeleteMessage (dead-letter queue)",
    "sqs:SendMessage (destination queue)",
  ],
};

/** What a trigger's optional AWS features need; verification itself needs no permission. */
const TRIGGER_PERMISSIONS = {
  lifecycle:
    "`sns:Subscribe` and `sns:Unsubscribe` on the topic (Subscribe To Topic); `ses:SetIdentityNotificationTopic`, `ses:SetIdentityHeadersInNotificationsEnabled`, `ses:GetIdentityNotificationAttributes` (Identity To Notify)",
  receivedEmail:
    "`s3:GetObject` and, for mail SES encrypted, `kms:Decrypt` in the key policy (Fetch Email Content)",
};

/** The SQS trigger reads a queue: its permissions are not optional, and its trust rule is its own. */
const QUEUE_TRIGGERS = {
  sesQueueEvents: {
    permissions:
      "`sqs:ReceiveMessage` and `sqs:DeleteMessage` on the queue (duplicates and ignored types are deleted by the trigger); `sqs:GetQueueAttributes` to check the queue's set-up on deploy (warnings only); with Fetch Email Content, `s3:GetObject` and, for mail SES encrypted, `kms:Decrypt`",
    trust: "sqsTriggerTrust.md",
  },
};

// Triggers that are not SNS webhooks: their own trust rule and permissions.
const OWN_TRUST_TRIGGERS = {
  newReceivedEmail: {
    permissions:
      "`s3:ListBucket` on the bucket (the prefix is listed on every poll), `s3:GetObject` on the prefix, and `kms:Decrypt` for mail SES encrypted",
    trust: "pollingTriggerTrust.md",
    polling: true,
  },
  sesEventBridgeEvents: {
    permissions:
      "none (the trigger makes no AWS call); setting up the EventBridge connection, API destination and rule: see [eventbridge-setup.md](../eventbridge-setup.md#iam)",
    trust: "eventBridgeTrust.md",
  },
};

const cell = (text) =>
  String(text ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");

function inputRow(input) {
  const type = input.collection ? `${input.type} (${input.collection})` : input.type;
  let notes = input.comments ?? "";
  if (input.model && input.key !== "region") {
    notes += ` Choices: ${input.model.map((choice) => `\`${choice.value}\``).join(", ")}.`;
  }
  if (input.dataSource) notes += ` Picklist: ${input.dataSource}.`;
  const fallback =
    input.default === undefined || input.default === "" ? "" : `\`${input.default}\``;
  return `| ${cell(input.label)} | \`${input.key}\` | ${cell(type)} | ${input.required ? "yes" : "no"} | ${fallback} | ${cell(notes)} |`;
}

function renderActionPage(key, action) {
  const notesFile = join(DOCS, "notes", `${key}.md`);
  const notes = existsSync(notesFile) ? `\n${readFileSync(notesFile, "utf8").trim()}\n` : "";
  const permissions = IAM_PERMISSIONS[key];
  if (!permissions)
    throw new Error(`scripts/docs.js: no IAM permissions listed for action ${key}.`);
  return [
    `# ${action.display.label}`,
    "",
    action.display.description,
    "",
    `**Action key:** \`${key}\` · **IAM permission:** ${permissions.map((p) => `\`${p.replace(/ \(.*/, "")}\`${p.includes("(") ? p.slice(p.indexOf(" (")) : ""}`).join(", ")}`,
    "",
    "## Inputs",
    "",
    "| Input | Key | Type | Required | Default | Notes |",
    "| --- | --- | --- | --- | --- | --- |",
    ...action.inputs.map(inputRow),
    "",
    "## Output",
    "",
    "The step's result (`data`), for example:",
    "",
    "```json",
    JSON.stringify(action.examplePayload?.data ?? null, null, 2),
    "```",
    notes,
    "<!-- Generated by scripts/docs.js from the component and documentation/notes/; run `npm run docs`. -->",
    "",
  ].join("\n");
}

/** `path (type)` for every leaf of a JSON value, for field lists. */
function fieldsOf(value, path) {
  if (Array.isArray(value))
    return value.length ? fieldsOf(value[0], `${path}[]`) : [`\`${path}[]\``];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      fieldsOf(item, path ? `${path}.${key}` : key),
    );
  }
  return [`\`${path}\` (${value === null ? "string or null" : typeof value})`];
}

/** One example and field list per SES event type: what a flow maps from `event`. */
function renderEventTypes(examples) {
  const entries = Object.entries(examples);
  const [, first] = entries[0];
  return [
    "## Each SES event type",
    "",
    "`body.data.event` has `type`, `format` (`notification` for identity notifications, `eventPublishing` for configuration-set event destinations) and `mail`, the same for every type:",
    "",
    fieldsOf({ mail: first.mail }, "event").join(", "),
    "",
    ...entries.flatMap(([type, event]) => {
      const { type: _type, format: _format, mail: _mail, ...own } = event;
      return [
        `### ${type}`,
        "",
        Object.keys(own).length
          ? `Fields: ${fieldsOf(own, "event").join(", ")}.`
          : "No fields beyond `mail`.",
        "",
        "```json",
        JSON.stringify(own, null, 2),
        "```",
        "",
      ];
    }),
  ].join("\n");
}

function renderTriggerPage(key, trigger, eventExamples) {
  const notesFile = join(DOCS, "notes", `${key}.md`);
  const notes = existsSync(notesFile) ? `\n${readFileSync(notesFile, "utf8").trim()}\n` : "";
  const queue = QUEUE_TRIGGERS[key];
  const own = OWN_TRUST_TRIGGERS[key];
  // Every SNS trigger shares the same rule for which topics it trusts.
  const trust = readFileSync(
    join(DOCS, "notes", queue?.trust ?? own?.trust ?? "snsTriggerTrust.md"),
    "utf8",
  ).trim();
  const permissions = queue
    ? `**IAM permission:** ${queue.permissions}.`
    : own
      ? `**IAM permission:** ${own.permissions}.`
      : `**IAM permission (only for the optional features):** ${[TRIGGER_PERMISSIONS.lifecycle, TRIGGER_PERMISSIONS[key]].filter(Boolean).join("; ")}. Verifying SNS signatures needs none.`;
  const how = queue
    ? `**Trigger key:** \`${key}\` · **Runs:** on the flow's schedule, in batches (default batch size ${trigger.triggerResolverDefaultBatchSize}, at most ${trigger.triggerResolverDefaultConcurrentBatchLimit} batches at once; both can be changed per flow)`
    : own?.polling
      ? `**Trigger key:** \`${key}\` · **Runs:** on the flow's schedule; a poll that finds nothing new does not run the flow`
      : `**Trigger key:** \`${key}\` · **Branches:** ${(trigger.staticBranchNames ?? []).map((b) => `\`${b}\``).join(", ")}`;
  const output = queue
    ? "Each execution gets its batch's events in `body.data` (one event at batch size 1, otherwise a list), for example:"
    : own?.polling
      ? "Each execution gets the poll's mails in `body.data`, for example:"
      : `The flow gets the request with the result in \`body.data\`, on branch \`${trigger.examplePayload?.branch}\`, for example:`;
  return [
    `# ${trigger.display.label} (trigger)`,
    "",
    trigger.display.description,
    "",
    how,
    "",
    permissions,
    "",
    "## Inputs",
    "",
    "| Input | Key | Type | Required | Default | Notes |",
    "| --- | --- | --- | --- | --- | --- |",
    ...trigger.inputs.map(inputRow),
    "",
    "## Output",
    "",
    output,
    "",
    "```json",
    JSON.stringify(trigger.examplePayload?.payload?.body?.data ?? null, null, 2),
    "```",
    "",
    ...(key === "sesNotification" && eventExamples ? [renderEventTypes(eventExamples)] : []),
    trust,
    notes,
    "<!-- Generated by scripts/docs.js from the component and documentation/notes/; run `npm run docs`. -->",
    "",
  ].join("\n");
}

function renderIndex(actions) {
  return [
    "# Actions",
    "",
    "| Action | Key | What it does | IAM permission |",
    "| --- | --- | --- | --- |",
    ...Object.entries(actions).map(
      ([key, action]) =>
        `| [${action.display.label}](${key}.md) | \`${key}\` | ${cell(action.display.description)} | ${IAM_PERMISSIONS[
          key
        ]
          .map((p) => `\`${p.replace(/ \(.*/, "")}\``)
          .join(", ")} |`,
    ),
    "",
    "<!-- Generated by scripts/docs.js; run `npm run docs`. -->",
    "",
  ].join("\n");
}

/** Every file of documentation/actions/ and triggers/, by name (`eventExamples`: the bundle's). */
function renderAll(component, eventExamples) {
  const files = { "actions/README.md": renderIndex(component.actions) };
  for (const [key, action] of Object.entries(component.actions))
    files[`actions/${key}.md`] = renderActionPage(key, action);
  for (const [key, trigger] of Object.entries(component.triggers ?? {}))
    files[`triggers/${key}.md`] = renderTriggerPage(key, trigger, eventExamples);
  return files;
}

module.exports = { renderAll, IAM_PERMISSIONS };

if (require.main === module) {
  const bundle = require(join(__dirname, "..", "dist", "index.js"));
  const component = bundle.default;
  for (const folder of ["actions", "triggers"]) {
    const path = join(DOCS, folder);
    if (existsSync(path)) for (const name of readdirSync(path)) rmSync(join(path, name));
    mkdirSync(path, { recursive: true });
  }
  const files = renderAll(component, bundle.eventExamples());
  for (const [name, text] of Object.entries(files)) writeFileSync(join(DOCS, name), text);
  const policyPage = join(DOCS, "iam-policy.md");
  writeFileSync(policyPage, renderPolicyPage(readFileSync(policyPage, "utf8")));
  console.log(
    `Wrote ${Object.keys(files).length} pages to documentation/actions/ and documentation/triggers/.`,
  );
}
