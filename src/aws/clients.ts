import type { KMSClient } from "@aws-sdk/client-kms";
import type { S3Client } from "@aws-sdk/client-s3";
import type { SESClient } from "@aws-sdk/client-ses";
import type { SESv2Client } from "@aws-sdk/client-sesv2";
import type { SNSClient } from "@aws-sdk/client-sns";
import type { SQSClient } from "@aws-sdk/client-sqs";
import type { STSClient } from "@aws-sdk/client-sts";
import type { Connection } from "@prismatic-io/spectral";
import { clientCache } from "./clientCache";
import { credentialsFor } from "./credentials";
import { annotateErrorsWithIamAction } from "./iamActionAnnotation";

/** What every client is built from: the step's connection, region and optional endpoint override. */
export interface ClientSettings {
  connection: Connection;
  region: string;
  endpoint?: string;
}

/** Client settings from an action's standard connection, region and endpoint inputs. */
export function clientSettings(params: {
  connection: Connection;
  region: string;
  endpoint?: string;
}): ClientSettings {
  return { connection: params.connection, region: params.region, endpoint: params.endpoint };
}

function baseConfig({ connection, region, endpoint }: ClientSettings) {
  return { region, endpoint, credentials: credentialsFor(connection, region, endpoint) };
}

/**
 * A client of an SDK client class with the settings every step's client gets (plus `extra`), and
 * IAM annotation of its errors (`servicePrefix:Operation`). The factories below use it; Call SES
 * Operation passes the client class of the SDK's full bundle.
 */
export function createClientOf<Client, Extra extends object = object>(
  ClientClass: new (config: ReturnType<typeof baseConfig> & Extra) => Client,
  settings: ClientSettings,
  servicePrefix: string,
  extra: Extra = {} as Extra,
): Client {
  // Built first: the connection is checked before any client is made or reused.
  const config = { ...baseConfig(settings), ...extra };
  const create = () => {
    const client = new ClientClass(config);
    annotateErrorsWithIamAction(client, servicePrefix);
    return client;
  };
  // A client without the SDK's retries is not shared: its caller decides what is safe to resend,
  // and must not meet a kept-alive connection the server has closed.
  if ("maxAttempts" in extra) return create();
  const { connection, region, endpoint } = settings;
  return clientCache.get(
    ClientClass,
    [servicePrefix, region, endpoint ?? null, connection.key, connection.fields ?? null, extra],
    create,
  );
}

/**
 * SES API v2: sending, identities, templates, suppression list, account. `maxAttempts: 1` turns
 * off the SDK's own retries, for callers that must decide themselves what is safe to resend.
 */
export async function createSesV2Client(
  settings: ClientSettings,
  options: { maxAttempts?: number } = {},
): Promise<SESv2Client> {
  const { SESv2Client } = await import("@aws-sdk/client-sesv2");
  return createClientOf(SESv2Client, settings, "ses", options);
}

/** SES API v1 (classic): only where v2 has no equivalent (receipt rules, identity notifications). */
export async function createSesClient(settings: ClientSettings): Promise<SESClient> {
  const { SESClient } = await import("@aws-sdk/client-ses");
  return createClientOf(SESClient, settings, "ses");
}

/** S3, for mail that SES receipt rules stored. Path-style with an endpoint override (emulators). */
export async function createS3Client(settings: ClientSettings): Promise<S3Client> {
  const { S3Client } = await import("@aws-sdk/client-s3");
  return createClientOf(S3Client, settings, "s3", {
    forcePathStyle: settings.endpoint !== undefined,
  });
}

/** KMS, to unwrap the data keys of mail SES stored encrypted. */
export async function createKmsClient(settings: ClientSettings): Promise<KMSClient> {
  const { KMSClient } = await import("@aws-sdk/client-kms");
  return createClientOf(KMSClient, settings, "kms");
}

/** SNS, to subscribe a flow's webhook to a topic (and unsubscribe it). */
export async function createSnsClient(settings: ClientSettings): Promise<SNSClient> {
  const { SNSClient } = await import("@aws-sdk/client-sns");
  return createClientOf(SNSClient, settings, "sns");
}

/**
 * SQS, for the queue an SES event pipeline delivers to. The queue URL never chooses the host:
 * requests go to the region's endpoint (or the override), so a mapped-in URL cannot send signed
 * requests anywhere else.
 */
export async function createSqsClient(settings: ClientSettings): Promise<SQSClient> {
  const { SQSClient } = await import("@aws-sdk/client-sqs");
  return createClientOf(SQSClient, settings, "sqs", { useQueueUrlAsEndpoint: false });
}

/** STS, for the caller's own account ID (GetCallerIdentity needs no permission). */
export async function createStsClient(settings: ClientSettings): Promise<STSClient> {
  const { STSClient } = await import("@aws-sdk/client-sts");
  return createClientOf(STSClient, settings, "sts");
}
