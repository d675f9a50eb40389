import { trigger } from "@prismatic-io/spectral";
import { clientSettings, createKmsClient, createS3Client } from "../aws/clients";
import { fetchStoredMail } from "../inbound/fetchStoredMail";
import { regionInput } from "../inputs/common";
import {
  allowLegacyCbcInput,
  expectedAccountIdInput,
  expectedKmsKeyArnInput,
  expectedRuleNameInput,
  maxSizeInput,
  requireEncryptionInput,
  s3EndpointInput,
} from "../inputs/inbound";
import {
  allowedTopicArnsInput,
  fetchStoredMailInput,
  maxMessageAgeInput,
  optionalConnectionInput,
  requireSignatureV2Input,
  subscribeTopicInput,
} from "../inputs/triggers";
import { parseReceivedEmail } from "../mail/parseReceived";
import { verdictsFromNotification } from "../mail/sesVerdicts";
import { kmsUnwrap } from "../s3crypto/kmsUnwrap";
import { normalizeSesMessage, type SesEvent } from "../sesEvents/normalize";
import { receivedS3 } from "../sesEvents/samples";
import { exampleSns, exampleTriggerResult } from "./examplePayload";
import { snsLifecycle } from "./lifecycle";
import { BRANCHES, handleSnsRequest } from "./snsPipeline";

type Params = {
  connection?: Parameters<typeof clientSettings>[0]["connection"];
  region: string;
  endpoint?: string;
  fetchEmail: boolean;
  expectedAccountId?: string;
  expectedRuleName?: string;
  expectedKmsKeyArn?: string;
  requireEncryption: boolean;
  maxSizeMb: number;
  allowLegacyCbc: boolean;
};

/** The received message itself: from S3 (decrypted when SES encrypted it), or the SNS action's content. */
async function receivedContent(event: SesEvent & { receipt?: unknown }, params: Params) {
  const receipt = "receipt" in event ? event.receipt : undefined;
  const action = receipt?.action;
  if (action?.type === "SNS") {
    const content = "content" in event ? event.content : null;
    if (!content) throw new Error("The SNS receipt notification carries no content.");
    const bytes = Buffer.from(content, action.encoding === "BASE64" ? "base64" : "utf8");
    return { raw: bytes, encryption: null };
  }
  if (action?.type === "S3" && action.bucket && action.key) {
    if (!params.connection) {
      throw new Error(
        "Fetch Email Content needs a Connection (s3:GetObject, and kms:Decrypt for encrypted mail) to read the mail from S3.",
      );
    }
    const settings = clientSettings({
      connection: params.connection,
      region: params.region,
      endpoint: params.endpoint,
    });
    const stored = await fetchStoredMail({
      s3: createS3Client(settings),
      unwrapKey: kmsUnwrap(() => createKmsClient({ ...settings, endpoint: undefined })),
      location: { bucket: action.bucket, key: action.key },
      maxBytes: params.maxSizeMb * 1024 * 1024,
      requireEncryption: params.requireEncryption,
      decrypt: {
        expectedAccountId: params.expectedAccountId,
        expectedRuleName: params.expectedRuleName,
        expectedKmsKeyArn: params.expectedKmsKeyArn,
        allowUnauthenticatedCbc: params.allowLegacyCbc,
      },
    });
    return { raw: stored.raw, encryption: stored.encryption };
  }
  return undefined;
}

const lifecycle = snsLifecycle(() => []);

export const receivedEmail = trigger({
  display: {
    label: "Received Email",
    description:
      "Runs for each email SES receives (receipt rule with an S3 or SNS action), after verifying the SNS signature. Optionally fetches, decrypts and parses the message, so the flow gets its fields and attachments.",
  },
  inputs: {
    allowedTopicArns: allowedTopicArnsInput,
    maxMessageAgeSeconds: maxMessageAgeInput,
    requireSignatureV2: requireSignatureV2Input,
    connection: optionalConnectionInput,
    region: regionInput,
    subscribeTopic: subscribeTopicInput,
    fetchEmail: fetchStoredMailInput,
    expectedAccountId: expectedAccountIdInput,
    expectedRuleName: expectedRuleNameInput,
    expectedKmsKeyArn: expectedKmsKeyArnInput,
    requireEncryption: requireEncryptionInput,
    maxSizeMb: maxSizeInput,
    allowLegacyCbc: allowLegacyCbcInput,
    endpoint: s3EndpointInput,
  },
  allowsBranching: true,
  staticBranchNames: BRANCHES,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "invalid",
  perform: async (context, payload, params) =>
    handleSnsRequest(context, payload, params, async (event, sns) => {
      if (event.type !== "Received") return undefined;
      if (!params.fetchEmail) return { sns, event, email: null, encryption: null };
      const content = await receivedContent(event, params);
      if (!content) return { sns, event, email: null, encryption: null };
      // SES's verdicts come from the signed notification, never from headers the sender wrote.
      const verdicts = "receipt" in event ? event.receipt?.verdicts : undefined;
      return {
        sns,
        event,
        email: await parseReceivedEmail(content.raw, {
          verdicts: verdicts && verdictsFromNotification(verdicts),
        }),
        encryption: content.encryption,
      };
    }),
  onInstanceDeploy: (context, params) =>
    lifecycle.onInstanceDeploy(context, { ...params, includeHeaders: false }),
  onInstanceDelete: (context, params) =>
    lifecycle.onInstanceDelete(context, { ...params, includeHeaders: false }),
  examplePayload: exampleTriggerResult("Notification", {
    sns: { ...exampleSns, subject: "Amazon SES Email Receipt Notification" },
    event: normalizeSesMessage(JSON.stringify(receivedS3)),
    email: {
      messageId: "<po-4711@example.org>",
      from: { name: "Renee Koenig", address: "buyer@example.org" },
      to: [{ name: "", address: "orders@inbound.example.com" }],
      cc: [],
      replyTo: [],
      subject: "Purchase order 4711",
      date: "2026-11-23T17:58:41.000Z",
      inReplyTo: null,
      headers: [{ name: "Subject", value: "Purchase order 4711" }],
      text: "Please confirm order 4711.\n",
      html: null,
      attachments: [],
      sesVerdicts: verdictsFromNotification({
        spam: "PASS",
        virus: "PASS",
        spf: "PASS",
        dkim: "PASS",
        dmarc: "PASS",
      }),
    },
    encryption: {
      encrypted: true,
      contentAlgorithm: "AES/GCM/NoPadding",
      authenticated: true,
      envelopeSource: "metadata",
      kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      encryptionContext: {
        "aws:ses:message-id": "43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
        "aws:ses:rule-name": "store-inbound",
        "aws:ses:source-account": "111122223333",
      },
    },
  }),
});
