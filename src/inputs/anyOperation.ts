import { input } from "@prismatic-io/spectral";
import { SES_V1_OPERATIONS, SES_V2_OPERATIONS } from "../aws/sesOperations";
import { cleanString } from "./clean";

/** Which SES API an operation belongs to: v2 (`sesv2`) or v1, the classic API (`ses`). */
export type SesApi = "sesv2" | "ses";

export interface SesOperation {
  api: SesApi;
  name: string;
}

const KNOWN: Record<SesApi, ReadonlySet<string>> = {
  sesv2: new Set(SES_V2_OPERATIONS),
  ses: new Set(SES_V1_OPERATIONS),
};

export function parseSesOperation(value: unknown): SesOperation {
  const text = cleanString(value).trim();
  const match = /^(sesv2|ses):([A-Za-z0-9]{1,100})$/.exec(text);
  if (!match) {
    throw new Error(
      `Operation must be an API and an operation name, such as "sesv2:PutEmailIdentityMailFromAttributes" or "ses:SendBounce", not "${JSON.stringify(text).slice(1, 121).replace(/"$/, "")}".`,
    );
  }
  const api = match[1] as SesApi;
  const name = match[2];
  if (!KNOWN[api].has(name)) {
    const other: SesApi = api === "sesv2" ? "ses" : "sesv2";
    const hint = KNOWN[other].has(name)
      ? ` It is an SES ${other === "ses" ? "v1" : "v2"} operation: use "${other}:${name}".`
      : "";
    throw new Error(
      `Operation: SES ${api === "ses" ? "v1" : "v2"} has no operation "${name}" (in the SDK this component was built with).${hint}`,
    );
  }
  return { api, name };
}

export const sesOperationInput = input({
  label: "Operation",
  type: "string",
  required: true,
  model: [
    ...SES_V2_OPERATIONS.map((name) => ({ label: `SES v2: ${name}`, value: `sesv2:${name}` })),
    ...SES_V1_OPERATIONS.map((name) => ({ label: `SES v1: ${name}`, value: `ses:${name}` })),
  ],
  comments:
    'The SES API operation to call, as in the SES API Reference: "sesv2:" for API v2, "ses:" for the classic API v1 (receipt rules, receipt filters, SendBounce, identity notification settings). The list is every operation of the installed AWS SDK.',
  example: "sesv2:PutEmailIdentityMailFromAttributes",
  clean: parseSesOperation,
});

/** At most what SES takes in one request (SendRawEmail's 40 MB is the largest). */
const MAX_INPUT_CHARACTERS = 40 * 1024 * 1024;

export function parseOperationInput(value: unknown): Record<string, unknown> {
  const parsed =
    value === undefined || value === null || value === ""
      ? {}
      : typeof value === "object"
        ? value
        : parseJson(cleanString(value));
  if (Array.isArray(parsed) || typeof parsed !== "object" || parsed === null) {
    throw new Error(
      'Operation Input must be a JSON object of the operation\'s request parameters, such as {"EmailIdentity": "example.com"}.',
    );
  }
  return parsed as Record<string, unknown>;
}

function parseJson(text: string): unknown {
  if (text.length > MAX_INPUT_CHARACTERS) {
    throw new Error("Operation Input is larger than 40 MB, more than any SES request takes.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : "";
    throw new Error(`Operation Input is not valid JSON (${reason}).`);
  }
}

export const operationInputInput = input({
  label: "Operation Input",
  type: "code",
  language: "json",
  required: false,
  default: "{}",
  comments:
    "The request parameters as a JSON object, named as in the SES API Reference (PascalCase). Member names are checked against the operation (a misspelt one is an error, not silently dropped). Give timestamps as ISO 8601 strings or epoch seconds, and binary values (such as SendRawEmail's RawMessage.Data) as base64.",
  example:
    '{\n  "EmailIdentity": "example.com",\n  "MailFromDomain": "mail.example.com",\n  "BehaviorOnMxFailure": "USE_DEFAULT_VALUE"\n}',
  clean: parseOperationInput,
});
