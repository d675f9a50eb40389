import { isSpectralError } from "@prismatic-io/spectral";
import { IAM_ACTION } from "./iamActionAnnotation";

/** What an AWS SDK error carries that is worth keeping. */
interface SdkError extends Error {
  $metadata?: { requestId?: string; httpStatusCode?: number };
  $fault?: string;
  code?: string;
  [IAM_ACTION]?: string;
}

/** The error users see: plain advice first, with AWS's own name, message and request ID kept. */
export class AwsServiceError extends Error {
  readonly awsErrorName: string;
  readonly awsMessage: string;
  readonly requestId?: string;
  readonly httpStatusCode?: number;
  readonly iamAction?: string;

  constructor(advice: string, error: SdkError) {
    const requestId = error.$metadata?.requestId;
    super(
      `${advice} [AWS ${error.name}: ${error.message}${requestId ? `; request ID ${requestId}` : ""}]`,
    );
    this.name = "AwsServiceError";
    this.awsErrorName = error.name;
    this.awsMessage = error.message;
    this.requestId = requestId;
    this.httpStatusCode = error.$metadata?.httpStatusCode;
    this.iamAction = error[IAM_ACTION];
  }
}

const accessDenied = (e: SdkError) => {
  const action = e[IAM_ACTION];
  if (action === "kms:Decrypt") {
    return "AWS denied KMS Decrypt of the mail's data key. The key policy of the KMS key SES used must allow this connection's user or role \"kms:Decrypt\" (an IAM policy alone is not enough unless the key policy delegates to IAM), and any condition on the encryption context (kms:EncryptionContext:aws:ses:source-account, kms:EncryptionContext:aws:ses:rule-name) must match the account and receipt rule that stored it.";
  }
  const permission = action
    ? `Allow "${action}" in the IAM policy of the user or role this connection uses`
    : "Allow the action in the IAM policy of the user or role this connection uses";
  const roleHint =
    action === "sts:AssumeRole"
      ? ". For an AWS Role ARN connection, also check that the role's trust policy allows the calling principal and that the External ID matches the one the trust policy requires"
      : "";
  return `AWS denied access. ${permission} (and check any SCP, permissions boundary or resource policy that applies)${roleHint}.`;
};
const badKeyId = () =>
  "AWS does not recognise the access key ID: check the Access Key ID in the connection and that the key is active.";
const badSecret = () =>
  "The secret access key does not match the access key ID: re-enter the Secret Access Key in the connection.";
const expired = () =>
  "The temporary credentials expired or are invalid: for an AWS Role ARN connection, run the step again to assume the role anew.";
const rejected = () =>
  "SES rejected the message. In the SES sandbox you can send only to verified addresses (request production access to lift this); the From address must be a verified identity in this region; SES also refuses some attachment types.";
const mailFrom = () =>
  "The custom MAIL FROM domain of the sending identity is not verified: finish its MX/SPF DNS set-up in SES, or send from another identity.";
const throttled = () =>
  "AWS is throttling requests: slow down (fewer concurrent steps, or a delay between sends) and retry.";

// A send under a tenant that does not exist, or with a resource not associated with it.
const tenantAdvice = () =>
  "SES refused the tenant: it must exist in this region, and the sender identity, the configuration set and the template must each be associated with it. Run Onboard Tenant for this tenant (it creates what is missing and is safe to repeat), or check Tenant Name (with Tenant From Customer: the customer's external ID; see the tenants guide).";

const ADVICE: Record<string, (error: SdkError) => string> = {
  AccessDenied: accessDenied,
  AccessDeniedException: accessDenied,
  InvalidClientTokenId: badKeyId,
  UnrecognizedClientException: badKeyId,
  InvalidAccessKeyId: badKeyId,
  SignatureDoesNotMatch: badSecret,
  InvalidSignatureException: badSecret,
  IncompleteSignature: badSecret,
  ExpiredToken: expired,
  ExpiredTokenException: expired,
  MessageRejected: rejected,
  MailFromDomainNotVerified: mailFrom,
  MailFromDomainNotVerifiedException: mailFrom,
  Throttling: throttled,
  ThrottlingException: throttled,
  TooManyRequestsException: throttled,
  LimitExceededException: () =>
    "An SES quota was exceeded (daily sending quota, maximum send rate, or a limit on the number of resources): check Get Account and the SES quotas for this region.",
  SendingPausedException: () =>
    "Sending is paused for this account or configuration set in this region: resume it in SES, or check why SES paused it.",
  AccountSuspendedException: () =>
    "SES has suspended sending for this account in this region: see the SES console's reputation dashboard and contact AWS support.",
  NotFoundException: () =>
    "SES found no such resource in this region: check the name (identity, template, configuration set...) and the region.",
  ConfigurationSetDoesNotExist: () =>
    "The configuration set does not exist in this region: check its name and the region.",
  BadRequestException: () => "SES refused the request as invalid.",
  NoSuchKey: () =>
    "There is no object with that key in the bucket: check the Object Key (SES names it after the message ID, under the rule's prefix).",
  NoSuchBucket: () =>
    "The S3 bucket does not exist in this account and region: check the Bucket and the Region.",
  InvalidCiphertextException: () =>
    "KMS could not decrypt the mail's data key with its encryption context: the object's metadata (x-amz-matdesc or x-amz-key-v2) was altered, or it was not written for this KMS key. The mail was not decrypted.",
  IncorrectKeyException: () =>
    "The mail's data key was wrapped with another KMS key than the one given.",
  DisabledException: () => "The KMS key SES used is disabled: enable it to read the stored mail.",
  KMSInvalidStateException: () =>
    "The KMS key SES used is not usable (pending deletion or import): restore it to read the stored mail.",
  KeyUnavailableException: () => "The KMS key is temporarily unavailable: retry later.",
  InvalidParameterValue: () => "SES refused a parameter value as invalid.",
  RegionDisabledException: () =>
    "STS is not enabled in this region for the account: enable the region in IAM account settings, or choose another region.",
  MalformedPolicyDocument: () => "The role session policy is malformed.",
};

// When a response lacks the error-type header (some proxies and emulators), the SDK names the
// error "Unknown"; the HTTP status still says what kind of failure it was.
const ADVICE_BY_STATUS: Record<number, (error: SdkError) => string> = {
  403: accessDenied,
  404: ADVICE.NotFoundException,
  429: throttled,
};

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "ECONNRESET",
  "EAI_AGAIN",
]);

function isSdkError(error: unknown): error is SdkError {
  return error instanceof Error && ("$metadata" in error || "$fault" in error);
}

/** Longest message a validation error keeps: enough for any advice, never a 100 KB echo. */
const MAX_MESSAGE = 600;

/**
 * A validation error's message as it may reach the execution log: control characters (a
 * mapped value's CR/LF could forge log lines) escaped, and an echoed huge value cut short.
 */
function tidied(error: Error): Error {
  const escaped = error.message.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  const message =
    escaped.length > MAX_MESSAGE ? `${escaped.slice(0, MAX_MESSAGE)}… (shortened)` : escaped;
  if (message !== error.message) error.message = message;
  return error;
}

/**
 * The component's error hook: turns AWS SDK errors into plain advice by error name. Our own
 * validation errors pass through, tidied (above); Spectral errors unchanged; nothing from the
 * request (and so no credential) is copied into the new error.
 */
export function adviseOnError(error: unknown): unknown {
  if (isSpectralError(error) || error instanceof AwsServiceError) return error;
  if (isSdkError(error)) {
    const aboutTenant =
      /tenant/i.test(error.message) &&
      ["NotFoundException", "BadRequestException", "NotFound"].includes(error.name);
    const advise = aboutTenant
      ? tenantAdvice
      : (ADVICE[error.name] ?? ADVICE_BY_STATUS[error.$metadata?.httpStatusCode ?? 0]);
    if (advise) return new AwsServiceError(advise(error), error);
    if ((error.$metadata?.httpStatusCode ?? 0) >= 500 || error.$fault === "server") {
      return new AwsServiceError("AWS had an internal error: retry the step later.", error);
    }
    return new AwsServiceError("The AWS call failed.", error);
  }
  const code = (error as SdkError | undefined)?.code;
  if (error instanceof Error && code && NETWORK_CODES.has(code)) {
    return new Error(
      `Could not reach the AWS endpoint (${code}: ${error.message}): check the region, the Endpoint Override if one is set, and the network.`,
    );
  }
  return error instanceof Error ? tidied(error) : error;
}
