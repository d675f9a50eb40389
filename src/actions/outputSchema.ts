import type { ActionOutputSchema } from "@prismatic-io/spectral";

type JsonSchema = ActionOutputSchema["schema"];

/**
 * The JSON Schema of an action's output, derived from its example payload so the two cannot
 * drift: lets the flow builder offer the step's fields before the step has ever run.
 */
export function outputSchemaFrom(example: unknown): ActionOutputSchema {
  return { type: "actionOutput", schema: schemaOf(example) };
}

function schemaOf(value: unknown): JsonSchema {
  // Our outputs use null only for an optional string (a last page's nextToken, a missing part).
  if (value === null) return { type: ["string", "null"] } as JsonSchema;
  if (Array.isArray(value)) {
    return { type: "array", items: value.length ? schemaOf(value[0]) : {} } as JsonSchema;
  }
  if (typeof value === "object") {
    const properties = Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, schemaOf(item)]),
    );
    return { type: "object", properties } as JsonSchema;
  }
  if (typeof value === "number") {
    return { type: Number.isInteger(value) ? "integer" : "number" } as JsonSchema;
  }
  return { type: typeof value as "string" | "boolean" } as JsonSchema;
}
