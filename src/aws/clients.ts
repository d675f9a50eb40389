import { KMSClient } from "@aws-sdk/client-kms";
import { S3Client } from "@aws-sdk/client-s3";
import { SESClient } from "@aws-sdk/client-ses";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import type { Connection } from "@prismatic-io/spectral";
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
 * SES API v2: sending, identities, templates, suppression list, account. `maxAttempts: 1` turns
 * off the SDK's own retries, for callers that must decide themselves what is safe to resend.
 */
export function createSesV2Client(
  settings: ClientSettings,
  options: { maxAttempts?: number } = {},
): SESv2Client {
  const client = new SESv2Client({ ...baseConfig(settings), ...options });
  annotateErrorsWithIamAction(client, "ses");
  return client;
}

/** SES API v1 (classic): only where v2 has no equivalent (receipt rules, identity notifications). */
export function createSesClient(settings: ClientSettings): SESClient {
  const client = new SESClient(baseConfig(settings));
  annotateErrorsWithIamAction(client, "ses");
  return client;
}

/** S3, for mail that SES receipt rules stored. Path-style with an endpoint override (emulators). */
export function createS3Client(settings: ClientSettings): S3Client {
  const client = new S3Client({
    ...baseConfig(settings),
    forcePathStyle: settings.endpoint !== undefined,
  });
  annotateErrorsWithIamAction(client, "s3");
  return client;
}

/** KMS, to unwrap the data keys of mail SES stored encrypted. */
export function createKmsClient(settings: ClientSettings): KMSClient {
  const client = new KMSClient(baseConfig(settings));
  annotateErrorsWithIamAction(client, "kms");
  return client;
}

/** SNS, to subscribe a flow's webhook to a topic (and unsubscribe it). */
export function createSnsClient(settings: ClientSettings): SNSClient {
  const client = new SNSClient(baseConfig(settings));
  annotateErrorsWithIamAction(client, "sns");
  return client;
}

/**
 * SQS, for the queue an SES event pipeline delivers to. The queue URL never chooses the host:
 * requests go to the region's endpoint (or the override), so a mapped-in URL cannot send signed
 * requests anywhere else.
 */
export function createSqsClient(settings: ClientSettings): SQSClient {
  const client = new SQSClient({ ...baseConfig(settings), useQueueUrlAsEndpoint: false });
  annotateErrorsWithIamAction(client, "sqs");
  return client;
}
