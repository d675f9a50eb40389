import { action, input } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { cleanString } from "../../inputs/clean";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { configurationSetInput } from "../../inputs/sending";
import { verificationTemplateNameInput } from "../../inputs/verification";
import { parseAddress } from "../../mail/addresses";
import { checkConfigurationSet } from "../../mail/outgoingEmail";
import { outputSchemaFrom } from "../outputSchema";

const examplePayload = {
  data: {
    emailAddress: "new.user@example.org",
    messageId: "0100019a7f3c2d1e-3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f-000000",
  },
};

export const sendCustomVerificationEmail = action({
  display: {
    label: "Send Custom Verification Email",
    description:
      "Add an address as an SES identity and send it a verification email built from a custom template.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    emailAddress: input({
      label: "Email Address",
      type: "string",
      required: true,
      comments: "The address to verify.",
      example: "new.user@example.org",
      clean: (value: unknown) => parseAddress("Email Address", cleanString(value)),
    }),
    templateName: verificationTemplateNameInput,
    configurationSet: configurationSetInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { SendCustomVerificationEmailCommand } = await import("@aws-sdk/client-sesv2");
    const { MessageId } = await (await createSesV2Client(clientSettings(params))).send(
      new SendCustomVerificationEmailCommand({
        EmailAddress: params.emailAddress,
        TemplateName: params.templateName,
        ConfigurationSetName: checkConfigurationSet(params.configurationSet),
      }),
    );
    return { data: { emailAddress: params.emailAddress, messageId: MessageId ?? "" } };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
