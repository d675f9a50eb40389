import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { newIdentityInput } from "../../inputs/emailIdentity";
import { configurationSetInput } from "../../inputs/sending";
import { checkConfigurationSet } from "../../mail/outgoingEmail";
import { outputSchemaFrom } from "../outputSchema";
import { describeDkim } from "./describeIdentity";

const examplePayload = {
  data: {
    identity: "example.com",
    identityType: "DOMAIN",
    verifiedForSending: false,
    dkim: describeDkim("example.com", {
      SigningEnabled: true,
      Status: "PENDING",
      SigningAttributesOrigin: "AWS_SES",
      Tokens: [
        "4zxq7m2l5vbdkq3nrb2mclxvz6c3ehkn",
        "hyvk4pbfh3aqjd2hdnycfl3bklbiwq6x",
        "xnqkvd7dg7yzsm4ldkhwq2q6b6jvozdy",
      ],
    }),
  },
};

export const createEmailIdentity = action({
  display: {
    label: "Create Email Identity",
    description:
      "Start verifying an email address or domain for sending. For a domain, returns the DKIM CNAME records to publish in DNS.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: newIdentityInput,
    configurationSet: {
      ...configurationSetInput,
      comments: "Optional default configuration set for mail sent from this identity.",
    },
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const { CreateEmailIdentityCommand } = await import("@aws-sdk/client-sesv2");
    const response = await (await createSesV2Client(clientSettings(params))).send(
      new CreateEmailIdentityCommand({
        EmailIdentity: params.identity,
        ConfigurationSetName: checkConfigurationSet(params.configurationSet),
      }),
    );
    return {
      data: {
        identity: params.identity,
        identityType: response.IdentityType ?? "",
        verifiedForSending: response.VerifiedForSendingStatus ?? false,
        dkim: describeDkim(params.identity, response.DkimAttributes),
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
