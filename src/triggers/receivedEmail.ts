import { trigger } from "@prismatic-io/spectral";
import { regionInput } from "../inputs/common";
import { receivedMailInputs, s3EndpointInput } from "../inputs/inbound";
import {
  allowedTopicArnsInput,
  fetchStoredMailInput,
  maxMessageAgeInput,
  optionalConnectionInput,
  requireSignatureV2Input,
  subscribeTopicInput,
} from "../inputs/triggers";
import { verdictsFromNotification } from "../mail/sesVerdicts";
import { normalizeSesMessage } from "../sesEvents/normalize";
import { receivedS3 } from "../sesEvents/samples";
import { exampleSns, exampleTriggerResult } from "./examplePayload";
import { snsLifecycle } from "./lifecycle";
import { receivedMail } from "./receivedMail";
import { BRANCHES, handleSnsRequest } from "./snsPipeline";

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
    ...receivedMailInputs,
    endpoint: s3EndpointInput,
  },
  allowsBranching: true,
  staticBranchNames: BRANCHES,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "invalid",
  perform: async (context, payload, params) =>
    handleSnsRequest(context, payload, params, async (event, sns) =>
      event.type === "Received"
        ? { sns, event, ...(await receivedMail(event, params)) }
        : undefined,
    ),
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
