import type { BulkOutcome } from "./bulkSender";

/** A cursor's text: its kind's prefix, then the point as base64url JSON. Opaque to flows. */
export function encodeCursorText(prefix: string, point: unknown): string {
  return prefix + Buffer.from(JSON.stringify(point)).toString("base64url");
}

const MAX_CURSOR_LENGTH = 1_000_000;

/** The point in a cursor's text, or `bad`'s error when the text is not one of this kind. */
export function decodeCursorText<T>(prefix: string, text: string, bad: (why: string) => never): T {
  if (!text.startsWith(prefix) || text.length > MAX_CURSOR_LENGTH) bad("unknown format");
  try {
    return JSON.parse(Buffer.from(text.slice(prefix.length), "base64url").toString("utf8"));
  } catch {
    return bad("unreadable");
  }
}

/** A whole number from 0 to `max`: a count or an index a cursor may hold. */
/**
 * A resumed run goes under the tenant the send began under: a cursor names it, and a run that
 * names another (or none, or one where the cursor has none) is refused before any send.
 */
export function checkCursorTenant(
  label: string,
  cursorTenant: unknown,
  tenant: string | undefined,
) {
  const began = typeof cursorTenant === "string" ? cursorTenant : undefined;
  if (began !== tenant) {
    throw new Error(
      `${label} belongs to a send under ${began ? `tenant ${began}` : "no tenant"}, but this run is under ${tenant ? `tenant ${tenant}` : "no tenant"}: resume with the same Tenant Name (or Tenant From Customer) the first run had.`,
    );
  }
}

export const isCount = (value: unknown, max = Number.MAX_SAFE_INTEGER) =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;

/** A run's final outcomes by kind, as the cursors total them. */
export function tallyOf(outcomes: BulkOutcome[]) {
  let succeeded = 0;
  let unknown = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "SUCCESS") succeeded += 1;
    else if (outcome.status === "UNKNOWN") unknown += 1;
  }
  return { succeeded, unknown, failed: outcomes.length - succeeded - unknown };
}
