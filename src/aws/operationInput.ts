import type { NormalizedSchema } from "@smithy/core/schema";

/**
 * A JSON request as the SDK takes it, walked along the operation's input schema: member names are
 * checked (the SDK drops unknown ones silently, so a typo would change the request unseen),
 * timestamps given as ISO 8601 strings or epoch seconds become Dates and blobs given as base64
 * become bytes (the SDK drops a timestamp that is not a Date in some protocols). Scalars must
 * have their member's type (an object would be sent as "[object Object]"), and a member that
 * becomes a segment of the URL path may not be empty, "." or ".." or hold a "/": the SDK leaves
 * those unencoded and the signer normalises the path, so DeleteContact with EmailAddress ".."
 * would be sent, and signed, as DeleteContactList.
 */
export function toSdkInput(
  schema: NormalizedSchema,
  value: unknown,
  path = "Operation Input",
): unknown {
  if (value === null || value === undefined) return value;
  if (schema.isTimestampSchema()) return timestampAt(path, value);
  if (schema.isBlobSchema()) return bytesAt(path, value);
  if (schema.isListSchema()) {
    if (!Array.isArray(value)) throw new Error(`${path} must be a JSON array.`);
    return value.map((item, index) =>
      toSdkInput(schema.getValueSchema(), item, `${path}[${index}]`),
    );
  }
  if (schema.isMapSchema()) {
    return Object.fromEntries(
      Object.entries(objectAt(path, value)).map(([key, item]) => [
        key,
        toSdkInput(schema.getValueSchema(), item, `${path}.${key}`),
      ]),
    );
  }
  if (schema.isStructSchema()) {
    const members = schema.getMemberSchemas();
    const known = Object.keys(members);
    return Object.fromEntries(
      Object.entries(objectAt(path, value)).map(([key, item]) => {
        const member = Object.hasOwn(members, key) ? members[key] : undefined;
        if (!member) {
          throw new Error(
            `${path} has no member "${key.slice(0, 100)}"; it takes ${known.length ? known.join(", ") : "no members"}.`,
          );
        }
        const converted = toSdkInput(member, item, `${path}.${key}`);
        if (member.getMergedTraits().httpLabel) pathSegmentAt(`${path}.${key}`, converted);
        return [key, converted];
      }),
    );
  }
  return scalarAt(schema, path, value);
}

/** A scalar of the member's own type: the SDK would send anything else mangled. */
function scalarAt(schema: NormalizedSchema, path: string, value: unknown): unknown {
  if (schema.isStringSchema() && typeof value !== "string") {
    throw new Error(`${path} must be a string.`);
  }
  if (schema.isBooleanSchema() && typeof value !== "boolean") {
    throw new Error(`${path} must be true or false.`);
  }
  if (schema.isNumericSchema() && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new Error(`${path} must be a number.`);
  }
  return value;
}

/** A value that becomes one segment of the request's URL path. */
function pathSegmentAt(path: string, value: unknown): void {
  const text = String(value);
  if (text === "" || text === "." || text === ".." || text.includes("/")) {
    throw new Error(
      `${path} is part of the request's URL path, so it may not be empty, "." or ".." or contain "/" (the request would reach another resource).`,
    );
  }
}

function objectAt(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${path} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * Whether the moment the text names exists as written: Date rolls 2026-02-30 over to 2 March
 * and T24:00 over to the next day, so a request would name another time than the builder's.
 */
function realMoment(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    (!time || (Number(time[1]) <= 23 && Number(time[2]) <= 59 && Number(time[3] ?? 0) <= 59))
  );
}

function timestampAt(path: string, value: unknown): Date {
  const date =
    typeof value === "number"
      ? new Date(value * 1000)
      : typeof value === "string" && ISO_8601.test(value) && realMoment(value)
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(
      `${path} must be a timestamp: an ISO 8601 string such as "2026-11-01T00:00:00Z", or epoch seconds.`,
    );
  }
  return date;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function bytesAt(path: string, value: unknown): Uint8Array {
  const text = typeof value === "string" ? value.replace(/\s+/g, "") : undefined;
  if (text === undefined || text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new Error(`${path} is binary: give it as a base64 string.`);
  }
  return Buffer.from(text, "base64");
}
