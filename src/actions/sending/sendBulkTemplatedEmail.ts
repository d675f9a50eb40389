import { GetAccountCommand, SendBulkEmailCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { type BulkRun, sendBulk } from "../../bulk/bulkSender";
import { parseBulkDestinations } from "../../bulk/destinations";
import { progressReporter } from "../../bulk/progressReport";
import {
  advance,
  decodeCursor,
  encodeCursor,
  feedOf,
  remainingOf,
  startOf,
} from "../../bulk/resumePoint";
import {
  defaultTemplateDataInput,
  destinationsInput,
  maxSendRateInput,
  resumeCursorInput,
  timeBudgetInput,
} from "../../inputs/bulk";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
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
    stoppedBy: "budget" as string | null,
    abortReason: null as string | null,
    total: 50000,
    maxSendRate: 14,
    succeeded: 8373,
    failed: 2,
    elapsedSeconds: 599.2,
    overall: { done: 8375, succeeded: 8373, failed: 2, unknown: 0, remaining: 41625, runs: 1 },
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
    ],
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
    timeBudgetSeconds: timeBudgetInput,
    resumeCursor: resumeCursorInput,
    ...sendingAuthorizationInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const startedAt = Date.now();
    const deadline = startedAt + params.timeBudgetSeconds * 1000;
    // Everything, including all destinations and the cursor, is checked before the first call.
    const destinations = parseBulkDestinations(params.destinations);
    const point = params.resumeCursor
      ? decodeCursor("Resume Cursor", params.resumeCursor, destinations)
      : startOf(destinations);
    const replyTo = parseAddresses("Reply To", params.replyTo);
    const tags = toMessageTags("Message Tags", params.messageTags);
    const headers = toMessageHeaders("Custom Headers", params.customHeaders);
    const request = {
      FromEmailAddress: formatSender("From", params.from, params.fromName),
      ReplyToAddresses: replyTo.length ? replyTo : undefined,
      ConfigurationSetName: checkConfigurationSet(params.configurationSet),
      ...buildSendingAuthorization(params),
      DefaultEmailTags: tags.length ? tags : undefined,
      DefaultContent: {
        Template: {
          ...buildTemplateReference(chooseTemplateSource(params)),
          TemplateData: parseTemplateData("Default Template Data", params.defaultTemplateData),
          Headers: headers.length ? headers : undefined,
        },
      },
    };
    const toGo = remainingOf(point);
    const doneBefore = point.total - toGo;

    // The SDK's own retries are off: sendBulk alone decides what is safe to send again.
    const client = createSesV2Client(clientSettings(params), { maxAttempts: 1 });
    const maxSendRate =
      params.maxSendRate ??
      (toGo === 0
        ? 0
        : ((await client.send(new GetAccountCommand({}))).SendQuota?.MaxSendRate ?? 1));
    if (toGo > 0) {
      context.logger.info(
        `Bulk send: ${toGo} of ${point.total} destinations to go${point.runs ? ` (run ${point.runs + 1})` : ""}, at ${maxSendRate}/s, within ${params.timeBudgetSeconds} s.`,
      );
    }

    const run: BulkRun =
      toGo === 0
        ? {
            outcomes: [],
            unfinished: [],
            rejected: [],
            position: { index: point.total, offset: 0 },
            stoppedBy: null,
            abortReason: null,
          }
        : await sendBulk(
            feedOf(destinations, point),
            async (entries) =>
              (
                await client.send(
                  new SendBulkEmailCommand({ ...request, BulkEmailEntries: entries }),
                )
              ).BulkEmailEntryResults ?? [],
            {
              maxSendRate,
              deadline,
              onProgress: progressReporter({
                total: point.total,
                doneBefore,
                work: toGo,
                deadline,
                clock: { now: () => Date.now() },
                log: (line) => context.logger.info(line),
              }),
            },
          );
    const after = advance(point, run);
    const done = after.succeeded + after.failed + after.unknown;
    const complete = done === after.total;
    const succeeded = run.outcomes.filter((result) => result.status === "SUCCESS").length;
    const elapsedSeconds = Math.round((Date.now() - startedAt) / 100) / 10;
    context.logger.info(
      complete
        ? `Bulk send complete: ${after.succeeded} of ${after.total} sent, ${after.failed} failed, ${after.unknown} unknown, over ${after.runs} run(s).`
        : `Bulk send stopped (${run.stoppedBy === "abort" ? run.abortReason : "time budget used"}): ${done} of ${after.total} done, ${after.total - done} left for the next run.`,
    );
    return {
      data: {
        complete,
        needsAnotherRun: !complete && run.stoppedBy === "budget",
        resumeCursor: complete ? null : encodeCursor(after),
        stoppedBy: complete ? null : run.stoppedBy,
        abortReason: run.abortReason,
        total: after.total,
        maxSendRate,
        succeeded,
        failed: run.outcomes.length - succeeded,
        elapsedSeconds,
        overall: {
          done,
          succeeded: after.succeeded,
          failed: after.failed,
          unknown: after.unknown,
          remaining: after.total - done,
          runs: after.runs,
        },
        results: run.outcomes,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
