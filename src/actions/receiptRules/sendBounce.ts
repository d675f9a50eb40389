import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesClient } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  bounceExplanationInput,
  bounceRecipientsInput,
  bounceSenderInput,
  bounceTypeInput,
  originalMessageIdInput,
} from "../../inputs/receiptRules";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    messageId: "0100018c6d5e5b2e-7f1c9b7e-2f0b-4c8e-9e3a-6b5d4c3b2a10-000000",
    originalMessageId: "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1",
    bouncedRecipients: ["former.employee@inbound.example.com"],
  },
};

export const sendBounce = action({
  display: {
    label: "Send Bounce",
    description:
      "Bounce a received mail back to its sender (SES v1, within 24 hours of receipt), for recipients that do not exist or cannot take it.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    originalMessageId: originalMessageIdInput,
    bounceSender: bounceSenderInput,
    recipients: bounceRecipientsInput,
    bounceType: bounceTypeInput,
    explanation: bounceExplanationInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { SendBounceCommand } = await import("@aws-sdk/client-ses");
    const { MessageId } = await (await createSesClient(clientSettings(params))).send(
      new SendBounceCommand({
        OriginalMessageId: params.originalMessageId,
        BounceSender: params.bounceSender,
        Explanation: params.explanation,
        BouncedRecipientInfoList: params.recipients.map((recipient) => ({
          Recipient: recipient,
          BounceType: params.bounceType,
        })),
      }),
    );
    return {
      data: {
        messageId: MessageId ?? "",
        originalMessageId: params.originalMessageId,
        bouncedRecipients: params.recipients,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
