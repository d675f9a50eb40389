import type { BulkEmailEntry } from "@aws-sdk/client-sesv2";
import { toMessageTags } from "../mail/messageTags";
import { buildDestination } from "../mail/outgoingEmail";
import { parseTemplateData } from "../mail/templateData";

/** One validated destination of a bulk send, ready for SES, with what the output reports. */
export interface BulkDestination {
  index: number;
  to: string[];
  recipientCount: number;
  entry: BulkEmailEntry;
  /** For a list read from a file: its line, and the item as read (to carry it to a later run). */
  source?: { line: number; item: unknown };
}

/** SES takes at most this many destinations in one SendBulkEmail call. */
export const MAX_DESTINATIONS_PER_CALL = 50;

const asList = (value: unknown): string[] =>
  value === undefined || value === null || value === ""
    ? []
    : (Array.isArray(value) ? value : [value]).map((item) => String(item));

function tagPairs(value: unknown) {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) {
    return value.map(
      (tag: { name?: unknown; Name?: unknown; value?: unknown; Value?: unknown }) => ({
        key: String(tag?.name ?? tag?.Name ?? ""),
        value: tag?.value ?? tag?.Value,
      }),
    );
  }
  if (typeof value === "object") {
    return Object.entries(value).map(([key, item]) => ({ key, value: item }));
  }
  throw new Error("tags must be an object of name: value pairs.");
}

/** One item (an address, or {to, cc, bcc, templateData, tags}); errors start with `where`. */
export function parseDestination(
  item: unknown,
  index: number,
  where = `Destinations[${index}].`,
): BulkDestination {
  const fields =
    typeof item === "string" ? { to: item } : (item as Record<string, unknown> | null | undefined);
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) {
    throw new Error(
      `${where.slice(0, -1)} must be an email address or an object like {"to": "jane@example.com", "templateData": {...}}.`,
    );
  }
  const destination = buildDestination(
    asList(fields.to),
    asList(fields.cc),
    asList(fields.bcc),
    where,
  );
  const data = fields.templateData ?? fields.replacementData;
  const tags = toMessageTags(`${where}tags`, tagPairs(fields.tags));
  const recipientCount =
    (destination.ToAddresses?.length ?? 0) +
    (destination.CcAddresses?.length ?? 0) +
    (destination.BccAddresses?.length ?? 0);
  return {
    index,
    to: destination.ToAddresses ?? [],
    recipientCount,
    entry: {
      Destination: destination,
      ReplacementEmailContent:
        data === undefined
          ? undefined
          : {
              ReplacementTemplate: {
                ReplacementTemplateData: parseTemplateData(`${where}templateData`, data),
              },
            },
      ReplacementTags: tags.length ? tags : undefined,
    },
  };
}

/**
 * The Destinations input: a JSON array (or an earlier step's array) whose items are an address,
 * or {to, cc, bcc, templateData, tags}. Every item is checked before anything is sent.
 */
export function parseBulkDestinations(value: unknown): BulkDestination[] {
  let items = value;
  if (typeof value === "string" || Buffer.isBuffer(value)) {
    const text = value.toString().trim();
    if (text === "") items = [];
    else {
      try {
        items = JSON.parse(text);
      } catch (error) {
        throw new Error(`Destinations is not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  if (items === undefined || items === null) items = [];
  if (!Array.isArray(items)) throw new Error("Destinations must be a JSON array.");
  if (items.length === 0) throw new Error("Destinations is empty: give at least one destination.");
  return items.map((item, index) => parseDestination(item, index));
}
