import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  dkimKeyLengthInput,
  dkimOriginInput,
  dkimPrivateKeyInput,
  dkimSelectorInput,
  domainIdentityInput,
} from "../../inputs/emailIdentity";
import { parseDkimPrivateKey } from "../../values/dkimKey";
import { outputSchemaFrom } from "../outputSchema";
import { describeDkim } from "./describeIdentity";

const examplePayload = {
  data: {
    identity: "example.com",
    origin: "AWS_SES",
    status: "PENDING" as string | null,
    dnsRecords: describeDkim("example.com", {
      Tokens: ["4zxq7m2l5vbdkq3nrb2mclxvz6c3ehkn"],
      SigningAttributesOrigin: "AWS_SES",
    }).dnsRecords,
  },
};

export const putEmailIdentityDkimKeys = action({
  display: {
    label: "Set DKIM Keys",
    description:
      "Choose an identity's DKIM keys: Easy DKIM (SES makes and rotates them; set the key length) or your own RSA key (Bring Your Own DKIM); returns the DNS records to publish.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    identity: domainIdentityInput,
    origin: dkimOriginInput,
    keyLength: dkimKeyLengthInput,
    selector: dkimSelectorInput,
    privateKey: dkimPrivateKeyInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (_context, params) => {
    const own = params.origin === "EXTERNAL";
    if (own && (!params.selector || !params.privateKey)) {
      throw new Error("With your own DKIM key, give both DKIM Selector and DKIM Private Key.");
    }
    if (!own && (params.selector || params.privateKey)) {
      throw new Error(
        "DKIM Selector and DKIM Private Key are for your own key: choose EXTERNAL, or leave them empty for Easy DKIM.",
      );
    }
    const key = own
      ? parseDkimPrivateKey("DKIM Private Key", String(params.privateKey))
      : undefined;
    const { PutEmailIdentityDkimSigningAttributesCommand } = await import("@aws-sdk/client-sesv2");
    const result = await (await createSesV2Client(clientSettings(params))).send(
      new PutEmailIdentityDkimSigningAttributesCommand({
        EmailIdentity: params.identity,
        SigningAttributesOrigin: params.origin,
        SigningAttributes: key
          ? {
              DomainSigningSelector: params.selector,
              DomainSigningPrivateKey: key.privateKeyBase64,
            }
          : { NextSigningKeyLength: params.keyLength },
      }),
    );
    const dnsRecords = key
      ? [
          {
            name: `${params.selector}._domainkey.${params.identity}`,
            type: "TXT",
            value: `"v=DKIM1; k=rsa; p=${key.publicKeyBase64}"`,
          },
        ]
      : describeDkim(params.identity, {
          Tokens: result.DkimTokens,
          SigningAttributesOrigin: params.origin,
        }).dnsRecords;
    return {
      data: {
        identity: params.identity,
        origin: params.origin,
        status: result.DkimStatus ?? null,
        dnsRecords,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
