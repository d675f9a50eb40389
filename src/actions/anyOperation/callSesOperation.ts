import { action } from "@prismatic-io/spectral";
import { clientSettings, createClientOf } from "../../aws/clients";
import { toSdkInput } from "../../aws/operationInput";
import { operationInputInput, type SesApi, sesOperationInput } from "../../inputs/anyOperation";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { outputSchemaFrom } from "../outputSchema";

interface SdkCommandClient {
  send(command: unknown): Promise<Record<string, unknown> & { $metadata?: { requestId?: string } }>;
}
type SdkBundle = Record<string, unknown>;

/** The SDK's full bundle of an API, with every command (not the tree-shaken modules). */
async function sdkOf(api: SesApi): Promise<{ bundle: SdkBundle; clientClass: string }> {
  if (api === "sesv2") {
    return {
      bundle: await import("@aws-sdk/client-sesv2/dist-cjs/index.js"),
      clientClass: "SESv2Client",
    };
  }
  return {
    bundle: await import("@aws-sdk/client-ses/dist-cjs/index.js"),
    clientClass: "SESClient",
  };
}

/** An SDK output as a step result: dates as ISO 8601 strings, bytes as base64. */
export function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)]));
  }
  return value;
}

const examplePayload = {
  data: {
    api: "sesv2",
    operation: "GetEmailIdentity",
    requestId: "5c3f6d2e-2b1a-4d8e-9f70-1a2b3c4d5e6f" as string | null,
    output: {
      IdentityType: "DOMAIN",
      VerificationStatus: "SUCCESS",
      VerifiedForSendingStatus: true,
      FeedbackForwardingStatus: true,
      DkimAttributes: {
        SigningEnabled: true,
        Status: "SUCCESS",
        Tokens: ["abcdefghijklmnopqrstuvwxyz234567", "bcdefghijklmnopqrstuvwxyz234567a"],
        SigningAttributesOrigin: "AWS_SES",
      },
      MailFromAttributes: {
        MailFromDomain: "mail.example.com",
        MailFromDomainStatus: "SUCCESS",
        BehaviorOnMxFailure: "USE_DEFAULT_VALUE",
      },
      ConfigurationSetName: "tenant-acme",
      Policies: { p: '{"Version":"2012-10-17","Statement":[]}' },
      Tags: [{ Key: "team", Value: "email" }],
    } as Record<string, unknown>,
  },
};

export const callSesOperation = action({
  display: {
    label: "Call SES Operation",
    description:
      "Call any SES API v2 or v1 operation by name with a JSON input, and get its output: for what no dedicated action covers. Same connection, region, endpoint and error advice as every action.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    operation: sesOperationInput,
    input: operationInputInput,
    endpoint: endpointInput,
  },
  // It can call anything, so the flow builder must not run it as a harmless test step.
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const { api, name } = params.operation;
    const { bundle, clientClass } = await sdkOf(api);
    const Command = bundle[`${name}Command`] as (new (input: unknown) => unknown) | undefined;
    const Client = bundle[clientClass] as (new (config: object) => SdkCommandClient) | undefined;
    if (typeof Command !== "function" || typeof Client !== "function") {
      throw new Error(`Operation: the installed SDK has no ${api}:${name} command.`);
    }
    // A command's schema is a StaticOperationSchema (@smithy/types): [9, namespace, name, traits, input, output].
    const { schema } = new Command({}) as { schema: unknown[] };
    const { NormalizedSchema } = await import("@smithy/core/schema");
    const input = toSdkInput(NormalizedSchema.of(schema[4] as never), params.input);
    context.logger.info(`Calling ${api === "ses" ? "SES v1" : "SES v2"} ${name}.`);
    const client = createClientOf(Client, clientSettings(params), "ses");
    const { $metadata, ...output } = await client.send(new Command(input));
    return {
      data: {
        api,
        operation: name,
        requestId: $metadata?.requestId ?? null,
        output: jsonSafe(output) as Record<string, unknown>,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom({ ...examplePayload.data, output: {} }),
});
