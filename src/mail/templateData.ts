/**
 * Template data as SES wants it: a JSON object, as a string. Takes an object (an earlier
 * step's output) or JSON text; a syntax error points at its line and column.
 */
export function parseTemplateData(label: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "{}";
  if (typeof value === "object" && !Buffer.isBuffer(value)) {
    if (Array.isArray(value)) throw new Error(`${label} must be a JSON object, not an array.`);
    return JSON.stringify(value);
  }
  const text = Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${label} is not valid JSON: ${describeSyntaxError(text, error as Error)}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(
      `${label} must be a JSON object such as {"name": "Jane"}, not ${Array.isArray(parsed) ? "an array" : parsed === null ? "null" : `a ${typeof parsed}`}.`,
    );
  }
  return JSON.stringify(parsed);
}

/**
 * The parser's reason, with the line and column where it has them. Never any of the data itself:
 * template data is often personal (names, addresses), and errors end up in execution logs.
 */
function describeSyntaxError(text: string, error: Error): string {
  const reason = error.message
    .replace(/, ".*" is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+.*$/s, "");
  const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? Number.NaN);
  if (Number.isNaN(position)) return reason;
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `${reason} at line ${line}, column ${column}`;
}
