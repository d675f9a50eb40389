import { action, input } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { cleanOptionalString } from "../../inputs/clean";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { rawMessageInput } from "../../inputs/raw";
import {
  bccInput,
  ccInput,
  configurationSetInput,
  messageTagsInput,
  toInput,
} from "../../inputs/sending";
import {
  listManagementInputs,
  sendingAuthorizationInputs,
} from "../../inputs/sendingAuthorization";
import { sendingTenantInputs } from "../../inputs/tenants";
import { formatSender } from "../../mail/addresses";
import { toMessageTags } from "../../mail/messageTags";
import {
  buildDestination,
  buildListManagement,
  buildSendingAuthorization,
  checkConfigurationSet,
} from "../../mail/outgoingEmail";
import { inspectRawMessage } from "../../mail/rawMessage";
import { outputSchemaFrom } from "../outputSchema";
import { sendingTenant } from "./sendingTenant";

const examplePayload = {
  data: {
    messageId: "0100019a7f3c2d1e-0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b-000000",
    tenant: "acme-corp" as string | null,
  },
};

export const sendRawEmail = action({
  display: {
    label: "Send Raw Email",
    description:
      "Send a complete MIME message as it is (e.g. one built or forwarded by an earlier step), optionally to other recipients than its headers name.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    rawMessage: rawMessageInput,
    from: input({
      label: "From Override",
      type: "string",
      required: false,
      comments:
        "Optional sender SES checks and uses for bounces, when it should not be the message's own From header. Must be a verified identity.",
      clean: cleanOptionalString,
    }),
    to: {
      ...toInput,
      comments: `Optional: recipients instead of those in the message's headers. ${toInput.comments}`,
    },
    cc: ccInput,
    bcc: bccInput,
    configurationSet: configurationSetInput,
    messageTags: messageTagsInput,
    ...sendingAuthorizationInputs,
    ...listManagementInputs,
    ...sendingTenantInputs,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const { SendEmailCommand } = await import("@aws-sdk/client-sesv2");
    const tenant = sendingTenant(context, params);
    const message = await inspectRawMessage("Raw Message", params.rawMessage);
    const overridesRecipients = params.to.length + params.cc.length + params.bcc.length > 0;
    if (!message.hasFrom && !params.from) {
      throw new Error("Raw Message has no From header: add one, or give a From Override.");
    }
    if (!message.hasRecipients && !overridesRecipients) {
      throw new Error(
        "Raw Message has no To, Cc or Bcc header: add recipients to it, or give them in To, Cc or Bcc.",
      );
    }
    const tags = toMessageTags("Message Tags", params.messageTags);
    const request = {
      FromEmailAddress: params.from ? formatSender("From Override", params.from) : undefined,
      Destination: overridesRecipients
        ? buildDestination(params.to, params.cc, params.bcc)
        : undefined,
      Content: { Raw: { Data: message.bytes } },
      ConfigurationSetName: checkConfigurationSet(params.configurationSet),
      EmailTags: tags.length ? tags : undefined,
      ...buildSendingAuthorization(params),
      ListManagementOptions: buildListManagement(params),
      TenantName: tenant,
    };
    const response = await (await createSesV2Client(clientSettings(params))).send(
      new SendEmailCommand(request),
    );
    return { data: { messageId: response.MessageId ?? "", tenant: tenant ?? null } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
