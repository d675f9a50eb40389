import { GetAccountCommand, SendBulkEmailCommand } from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { sendBulk } from "../../bulk/bulkSender";
import { parseBulkDestinations } from "../../bulk/destinations";
import { defaultTemplateDataInput, destinationsInput, maxSendRateInput } from "../../inputs/bulk";
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

const examplePayload = {
  data: {
    total: 3,
    succeeded: 2,
    failed: 1,
    maxSendRate: 14,
    results: [
      {
        index: 0,
        to: ["jane@example.com"],
        status: "SUCCESS",
        messageId: "0100019a7f3c2d1e-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d-000000" as string | null,
        error: null as string | null,
        attempts: 1,
      },
      {
        index: 1,
        to: ['"Bob" <bob@example.org>'],
        status: "SUCCESS",
        messageId: "0100019a7f3c2d1e-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e-000000",
        error: null,
        attempts: 2,
      },
      {
        index: 2,
        to: ["carol@example.net"],
        status: "MESSAGE_REJECTED",
        messageId: null,
        error: "Email address is not verified.",
        attempts: 1,
      },
    ],
  },
};

export const sendBulkTemplatedEmail = action({
  display: {
    label: "Send Bulk Templated Email",
    description:
      "Send a template to any number of destinations, each with its own data and tags: batched 50 per SES call, paced to the account's send rate, throttled sends retried. One result per destination, in input order.",
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
    ...sendingAuthorizationInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    // Everything, including all destinations, is checked before the first call.
    const destinations = parseBulkDestinations(params.destinations);
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

    // The SDK's own retries are off: sendBulk alone decides what is safe to send again.
    const client = createSesV2Client(clientSettings(params), { maxAttempts: 1 });
    const maxSendRate =
      params.maxSendRate ??
      (await client.send(new GetAccountCommand({}))).SendQuota?.MaxSendRate ??
      1;

    const results = await sendBulk(
      destinations,
      async (entries) =>
        (await client.send(new SendBulkEmailCommand({ ...request, BulkEmailEntries: entries })))
          .BulkEmailEntryResults ?? [],
      { maxSendRate },
    );
    const succeeded = results.filter((result) => result.status === "SUCCESS").length;
    return {
      data: {
        total: results.length,
        succeeded,
        failed: results.length - succeeded,
        maxSendRate,
        results,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
