import { input } from "@prismatic-io/spectral";
import { cleanString } from "./clean";

export const IDENTITY_TYPE_FILTERS = ["ALL", "EMAIL_ADDRESS", "DOMAIN"] as const;
export type IdentityTypeFilter = (typeof IDENTITY_TYPE_FILTERS)[number];

export const identityTypeInput = input({
  label: "Identity Type",
  type: "string",
  required: false,
  default: "ALL",
  model: [
    { label: "All", value: "ALL" },
    { label: "Email addresses", value: "EMAIL_ADDRESS" },
    { label: "Domains", value: "DOMAIN" },
  ],
  comments:
    "Which identities to return. Domains include domains managed by SES (MANAGED_DOMAIN). SES pages before filtering, so a filtered page can hold fewer than Page Size items.",
  clean: (value: unknown): IdentityTypeFilter => {
    const text = cleanString(value).toUpperCase() || "ALL";
    // Also take the SES v1 values the official connector used.
    const legacy: Record<string, IdentityTypeFilter> = { EMAILADDRESS: "EMAIL_ADDRESS" };
    const filter = legacy[text] ?? text;
    if (!(IDENTITY_TYPE_FILTERS as readonly string[]).includes(filter)) {
      throw new Error(`Identity Type must be ALL, EMAIL_ADDRESS or DOMAIN, not "${text}".`);
    }
    return filter as IdentityTypeFilter;
  },
});
