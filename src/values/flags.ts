/**
 * A yes/no input: true or false (the designer's toggle), or their text from a mapped value;
 * empty means the default. Anything else is an error naming the input, never a guess.
 */
export function checkBoolean(label: string, value: unknown, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  if (value === undefined || value === null) return fallback;
  if (typeof value === "object") {
    throw new Error(`${label} must be true or false, not ${JSON.stringify(value).slice(0, 40)}.`);
  }
  const text = String(value).trim().toLowerCase();
  if (text === "") return fallback;
  if (text === "true") return true;
  if (text === "false") return false;
  throw new Error(`${label} must be true or false, not "${String(value).slice(0, 40)}".`);
}
