import { input } from "@prismatic-io/spectral";
import { DEFAULT_REGION, parseRegion, SES_REGIONS } from "../aws/regions";
import { checkToken } from "../values/tokens";
import { cleanBoolean, cleanInteger, cleanOptional, cleanString } from "./clean";

export const connectionInput = input({
  label: "Connection",
  type: "connection",
  required: true,
  comments: "An AWS Access Key and Secret or AWS Role ARN connection.",
});

export const regionInput = input({
  label: "Region",
  type: "string",
  required: true,
  default: DEFAULT_REGION,
  model: SES_REGIONS.map(({ code, name }) => ({ label: `${name} (${code})`, value: code })),
  comments:
    "The AWS region of your SES resources. Identities, templates, quotas and the sandbox status are per region.",
  clean: parseRegion,
});

export const endpointInput = input({
  label: "Endpoint Override",
  type: "string",
  required: false,
  comments:
    "Leave empty for AWS's own endpoint. Set an http(s) URL to use a VPC endpoint, a FIPS endpoint or a local emulator instead. Only set an endpoint you trust: it receives every request signed with the connection's credentials, including the session token of temporary credentials.",
  example: "https://vpce-0abc123-xyz.email.us-east-1.vpce.amazonaws.com",
  clean: cleanEndpoint,
});

export function cleanEndpoint(value: unknown): string | undefined {
  const text = cleanString(value);
  if (text === "") return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Endpoint Override "${text}" is not a URL; expected e.g. https://host:port`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`Endpoint Override must be an http or https URL, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new Error("Endpoint Override must not contain a user name or password.");
  }
  return text;
}

export const fetchAllInput = input({
  label: "Fetch All Pages",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Follow every page and return all results in one list. Page Size and Next Token are then ignored.",
  clean: cleanBoolean("Fetch All Pages"),
});

export const nextTokenInput = input({
  label: "Next Token",
  type: "string",
  required: false,
  comments: "The nextToken from a previous page's result, to fetch the page after it.",
  clean: cleanOptional((text) => checkToken("Next Token", text)),
});

export function pageSizeInput(max: number, fallback: number) {
  return input({
    label: "Page Size",
    type: "string",
    required: false,
    default: String(fallback),
    comments: `How many results a page holds, 1 to ${max}.`,
    clean: cleanInteger("Page Size", 1, max, fallback),
  });
}
