import { createHash } from "node:crypto";
import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { accessKeyConnection, assumeRoleConnection } from "../connections";
import { annotateErrorsWithIamAction } from "./iamActionAnnotation";

/** Structurally the SDK's AwsCredentialIdentity, without importing a transitive package. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}
export type CredentialProvider = () => Promise<AwsCredentials>;

export interface RoleSettings {
  keys: AwsCredentials;
  roleArn: string;
  externalId?: string;
  sessionName: string;
  durationSeconds: number;
}

const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
// Local emulators (LocalStack, moto, fauxqs) take any key, "test" in their docs: printable ASCII.
const ANY_ACCESS_KEY_ID = /^[\x21-\x7e]{1,128}$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov|-iso|-iso-[a-z])?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** A copy of the connection safe to attach to a ConnectionError: no field values at all. */
function redacted(connection: Connection): Connection {
  return { key: connection.key, configVarKey: connection.configVarKey, fields: {} };
}

function field(connection: Connection, name: string): string {
  const value = connection.fields?.[name];
  // Pasted keys often carry spaces or a trailing newline.
  return typeof value === "string" ? value.trim() : "";
}

function fail(connection: Connection, message: string): never {
  throw new ConnectionError(redacted(connection), message);
}

/**
 * The key pair of a connection. AWS's key shape is enforced for requests to AWS itself; with an
 * Endpoint Override (an emulator, or a proxy that checks keys its own way) any printable key is
 * taken, since such endpoints accept keys AWS would not issue.
 */
export function readStaticKeys(
  connection: Connection,
  options: { endpointOverride?: boolean } = {},
): AwsCredentials {
  const accessKeyId = field(connection, "accessKeyId");
  const secretAccessKey = field(connection, "secretAccessKey");
  if (!accessKeyId) fail(connection, "The connection has no Access Key ID.");
  if (options.endpointOverride) {
    if (!ANY_ACCESS_KEY_ID.test(accessKeyId)) {
      fail(
        connection,
        "The connection's Access Key ID must be 1 to 128 printable characters without spaces.",
      );
    }
  } else if (!ACCESS_KEY_ID.test(accessKeyId)) {
    fail(
      connection,
      "The connection's Access Key ID is not an AWS access key ID (16 to 128 upper-case letters and digits, such as AKIA...). Keys such as a local emulator's \"test\" are accepted only with an Endpoint Override.",
    );
  }
  if (!secretAccessKey) fail(connection, "The connection has no Secret Access Key.");
  return { accessKeyId, secretAccessKey };
}

export function readRoleSettings(connection: Connection): RoleSettings {
  const keys = readStaticKeys(connection);
  const roleArn = field(connection, "roleARN");
  if (!ROLE_ARN.test(roleArn)) {
    fail(
      connection,
      `The connection's Role ARN "${roleArn}" is not an IAM role ARN. Expected arn:aws:iam::<12-digit account id>:role/<role name>.`,
    );
  }
  const externalId = field(connection, "externalId") || undefined;
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
    fail(
      connection,
      "The connection's External ID must be 2 to 1224 characters of letters, digits and +=,.@:/-_",
    );
  }
  const sessionName = field(connection, "sessionName") || "prismatic-ses";
  if (!SESSION_NAME.test(sessionName)) {
    fail(
      connection,
      "The connection's Session Name must be 2 to 64 characters of letters, digits and +=,.@-_",
    );
  }
  const durationText = field(connection, "durationSeconds") || "3600";
  const durationSeconds = Number(durationText);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43200) {
    fail(
      connection,
      `The connection's Session Duration must be a whole number of seconds from 900 to 43200, not "${durationText}".`,
    );
  }
  return { keys, roleArn, externalId, sessionName, durationSeconds };
}

export type AssumeRole = (settings: RoleSettings, region: string) => Promise<AwsCredentials>;

async function assumeRoleWithSts(settings: RoleSettings, region: string): Promise<AwsCredentials> {
  const { AssumeRoleCommand, STSClient } = await import("@aws-sdk/client-sts");
  const sts = new STSClient({ region, credentials: settings.keys });
  annotateErrorsWithIamAction(sts, "sts");
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: settings.roleArn,
      RoleSessionName: settings.sessionName,
      ExternalId: settings.externalId,
      DurationSeconds: settings.durationSeconds,
    }),
  );
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey || !Credentials.Expiration) {
    throw new Error("STS AssumeRole returned no credentials.");
  }
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
    expiration: Credentials.Expiration,
  };
}

interface CacheEntry {
  credentials: Promise<AwsCredentials>;
  expiresAt: number;
}

/**
 * Temporary role credentials, shared by every action in this process until `refreshMarginMs`
 * before they expire, so a flow that runs 100 actions in an hour costs one AssumeRole call.
 * Concurrent callers share one in-flight request; a failed request is not cached.
 */
export class RoleCredentialCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly assumeRole: AssumeRole = assumeRoleWithSts,
    private readonly refreshMarginMs = 5 * 60 * 1000,
    private readonly maxEntries = 256,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(settings: RoleSettings, region: string): Promise<AwsCredentials> {
    const key = RoleCredentialCache.keyOf(settings);
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt - this.refreshMarginMs > this.now()) return cached.credentials;

    // Infinite while in flight, so concurrent callers share the one request.
    const entry = { expiresAt: Number.POSITIVE_INFINITY } as CacheEntry;
    entry.credentials = this.assumeRole(settings, region).then(
      (credentials) => {
        entry.expiresAt = credentials.expiration?.getTime() ?? 0;
        return credentials;
      },
      (error: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry.credentials;
  }

  clear(): void {
    this.entries.clear();
  }

  // Hashed so the secret is not kept as a readable map key; the secret is part of the key so a
  // wrong secret paired with a cached key ID can never reuse another caller's credentials.
  private static keyOf(settings: RoleSettings): string {
    return createHash("sha256")
      .update(
        JSON.stringify([
          settings.keys.accessKeyId,
          settings.keys.secretAccessKey,
          settings.roleArn,
          settings.externalId ?? null,
          settings.sessionName,
          settings.durationSeconds,
        ]),
      )
      .digest("hex");
  }
}

export const roleCredentialCache = new RoleCredentialCache();

/**
 * The credentials for a connection of either kind, validated before any AWS call. The role
 * connection's keys always go to AWS STS, so they are always held to AWS's key shape.
 */
export function credentialsFor(
  connection: Connection,
  region: string,
  endpoint?: string,
): CredentialProvider {
  if (!connection || typeof connection !== "object") {
    throw new Error("Connection: choose an AWS connection for this step.");
  }
  if (connection.key === accessKeyConnection.key) {
    const keys = {
      ...readStaticKeys(connection, { endpointOverride: endpoint !== undefined }),
      sessionToken: field(connection, "sessionToken") || undefined,
    };
    return async () => keys;
  }
  if (connection.key === assumeRoleConnection.key) {
    const settings = readRoleSettings(connection);
    return () => roleCredentialCache.get(settings, region);
  }
  return fail(
    connection,
    `Connection type "${connection.key}" is not supported by this component. Use "AWS Access Key and Secret" or "AWS Role ARN".`,
  );
}
