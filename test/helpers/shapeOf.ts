/**
 * The shape of a value (keys and value types; null counts as an absent optional string), to
 * check an action's real output against its examplePayload.
 */
export function shapeOf(value: unknown): unknown {
  if (value === null || typeof value === "string") return "string?";
  if (Buffer.isBuffer(value)) return "bytes";
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, shapeOf(item)]),
    );
  }
  return typeof value;
}
