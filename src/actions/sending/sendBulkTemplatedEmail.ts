import { action } from "@prismatic-io/spectral";
import { clientSettings, createS3Client, createSesV2Client } from "../../aws/clients";
import type { BulkOutcome } from "../../bulk/bulkSender";
import { checkCursorTenant } from "../../bulk/cursorText";
import { parseBulkDestinations } from "../../bulk/destinations";
import { decodeFileCursor } from "../../bulk/fileResumePoint";
import type { ListFormat } from "../../bulk/listFile";
import { decodeCursor, startOf } from "../../bulk/resumePoint";
import {
  defaultTemplateDataInput,
  destinationsBucketInput,
  destinationsFormatInput,
  destinationsInput,
  destinationsKeyInput,
  maxSendRateInput,
  resumeCursorInput,
  timeBudgetInput,
} from "../../inputs/bulk";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { s3EndpointInput } from "../../inputs/inbound";
import {
  configurationSetInput,
  customHeadersInput,
  fromInput,
  fromNameInput,
  messageTagsInput,
  replyToInput,
} from "../../inputs/sending";
import { sendingAuthorizationInputs } from "../../inputs/sendingAuthorization";
import {
  inlineHtmlInput,
  inlineSubjectInput,
  inlineTextInput,
  optionalTemplateNameInput,
} from "../../inputs/templates";
import { sendingTenantInputs } from "../../inputs/tenants";
import { formatSender, parseAddresses } from "../../mail/addresses";
import { toMessageHeaders } from "../../mail/headers";
import { toMessageTags } from "../../mail/messageTags";
import {
  buildSendingAuthorization,
  buildTemplateReference,
  checkConfigurationSet,
} from "../../mail/outgoingEmail";
import { parseTemplateData } from "../../mail/templateData";
import { chooseTemplateSource } from "../../mail/templateSource";
import { outputSchemaFrom } from "../outputSchema";
import { sendInlineList, sendListFile } from "./bulkRuns";
import { sendingTenant } from "./sendingTenant";

/** The Destinations File, when one is given instead of Destinations (never both). */
function destinationsFileOf(params: {
  destinations?: unknown;
  destinationsBucket?: string;
  destinationsKey?: string;
  destinationsFormat: "auto" | ListFormat;
}): { bucket: string; key: string; format: ListFormat } | undefined {
  const { destinationsBucket: bucket, destinationsKey: key } = params;
  const inline =
    params.destinations !== undefined &&
    params.destinations !== "" &&
    !(Array.isArray(params.destinations) && params.destinations.length === 0);
  if (!bucket && !key) {
    if (!inline) {
      throw new Error(
        "Destinations is empty: give at least one destination, or a Destinations File (its Bucket and Key).",
      );
    }
    return undefined;
  }
  if (!bucket || !key) {
    throw new Error("Destinations File needs both its Bucket and its Key.");
  }
  if (inline) {
    throw new Error("Give either Destinations or a Destinations File, not both.");
  }
  const format =
    params.destinationsFormat === "auto"
      ? /\.csv$/i.test(key)
        ? "csv"
        : "jsonl"
      : params.destinationsFormat;
  return { bucket, key, format };
}

const outcome = (
  index: number,
  to: string,
  status: string,
  messageId: string | null,
  error: string | null,
  attempts: number,
) => ({
  index,
  to: [to],
  status,
  messageId,
  error,
  attempts,
});

const examplePayload = {
  data: {
    complete: false,
    needsAnotherRun: true,
    resumeCursor:
      "bulk1.eyJsaXN0IjoiM3ZRYjJ3Z2h0c0JJc1RrRm1YbGJGZyIsInRvdGFsIjo1MDAwMCwibmV4dCI6ODM3NSwiY2FycnkiOltdLCJzdWNjZWVkZWQiOjgzNzMsImZhaWxlZCI6MiwidW5rbm93biI6MCwicnVucyI6MX0" as
        | string
        | null,
    stoppedBy: "budget" as "budget" | "abort" | null,
    abortReason: null as string | null,
    total: 5 as number | null,
    maxSendRate: 1,
    tenant: "acme-corp" as string | null,
    succeeded: 2,
    failed: 1,
    elapsedSeconds: 5.1,
    overall: {
      done: 3,
      succeeded: 2,
      failed: 1,
      unknown: 0,
      invalid: 0,
      runs: 1,
      remaining: 2 as number | null,
    },
    results: [
      outcome(
        0,
        "jane@example.com",
        "SUCCESS",
        "0100019a7f3c2d1e-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d-000000",
        null,
        1,
      ),
      outcome(
        1,
        '"Bob" <bob@example.org>',
        "SUCCESS",
        "0100019a7f3c2d1e-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e-000000",
        null,
        2,
      ),
      outcome(
        2,
        "carol@example.net",
        "MESSAGE_REJECTED",
        null,
        "Email address is not verified.",
        1,
      ),
    ] as (BulkOutcome & { line?: number | null })[],
    succeededRanges: [[0, 1]] as [number, number][],
  },
};

export const sendBulkTemplatedEmail = action({
  display: {
    label: "Send Bulk Templated Email",
    description:
      "Send a template to any number of destinations, each with its own data and tags: batched 50 per SES call, paced to the account's send rate, throttled sends retried. Stops within its Time Budget and returns a Resume Cursor, so a flow can send lists of any size over several executions without sending anything twice. One result per destination, in input order.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    from: fromInput,
    fromName: fromNameInput,
    replyTo: replyToInput,
    templateName: optionalTemplateNameInput,
    inlineSubject: inlineSubjectInput,
    inlineText: inlineTextInput,
    inlineHtml: inlineHtmlInput,
    defaultTemplateData: defaultTemplateDataInput,
    destinations: destinationsInput,
    configurationSet: configurationSetInput,
    messageTags: messageTagsInput,
    customHeaders: customHeadersInput,
    maxSendRate: maxSendRateInput,
    destinationsBucket: destinationsBucketInput,
    destinationsKey: destinationsKeyInput,
    destinationsFormat: destinationsFormatInput,
    timeBudgetSeconds: timeBudgetInput,
    resumeCursor: resumeCursorInput,
    ...sendingAuthorizationInputs,
    ...sendingTenantInputs,
    endpoint: endpointInput,
    s3Endpoint: {
      ...s3EndpointInput,
      comments:
        "For Destinations File only: an S3-compatible endpoint or a local emulator (path-style addressing). Leave empty for AWS's S3.",
    },
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const { GetAccountCommand } = await import("@aws-sdk/client-sesv2");
    const startedAt = Date.now();
    // Everything (the list inline, or where the file is, and the cursor) is checked first.
    const file = destinationsFileOf(params);
    const destinations = file ? [] : parseBulkDestinations(params.destinations);
    const cursor = params.resumeCursor;
    const point = file || !cursor ? undefined : decodeCursor("Resume Cursor", cursor, destinations);
    const filePoint = file && cursor ? decodeFileCursor("Resume Cursor", cursor, file) : undefined;
    const tenant = sendingTenant(context, params);
    if (cursor) checkCursorTenant("Resume Cursor", (point ?? filePoint)?.tenant, tenant);
    const replyTo = parseAddresses("Reply To", params.replyTo);
    const tags = toMessageTags("Message Tags", params.messageTags);
    const headers = toMessageHeaders("Custom Headers", params.customHeaders);
    const request = {
      FromEmailAddress: formatSender("From", params.from, params.fromName),
      ReplyToAddresses: replyTo.length ? replyTo : undefined,
      ConfigurationSetName: checkConfigurationSet(params.configurationSet),
      ...buildSendingAuthorization(params),
      DefaultEmailTags: tags.length ? tags : undefined,
      TenantName: tenant,
      DefaultContent: {
        Template: {
          ...buildTemplateReference(chooseTemplateSource(params)),
          TemplateData: parseTemplateData("Default Template Data", params.defaultTemplateData),
          Headers: headers.length ? headers : undefined,
        },
      },
    };
    // The SDK's own retries are off: sendBulk alone decides what is safe to send again.
    const client = await createSesV2Client(clientSettings(params), { maxAttempts: 1 });
    const maxSendRate =
      params.maxSendRate ??
      (await client.send(new GetAccountCommand({}))).SendQuota?.MaxSendRate ??
      1;
    const settings = {
      client,
      request,
      maxSendRate,
      startedAt,
      deadline: startedAt + params.timeBudgetSeconds * 1000,
      logger: context.logger,
      tenant,
    };
    const data = file
      ? await sendListFile(
          settings,
          await createS3Client(clientSettings({ ...params, endpoint: params.s3Endpoint })),
          file,
          filePoint,
        )
      : await sendInlineList(settings, destinations, point ?? { ...startOf(destinations), tenant });
    return { data: { ...data, tenant: tenant ?? null } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
