/** Any value as trimmed text; undefined and null are "" (flows leave optional inputs empty). */
export function cleanString(value: unknown): string {
  if (value === undefined || value === null) return "";
  // A mapped object is shown as what it is in any error, not as "[object Object]".
  if (typeof value === "object" && !Array.isArray(value) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value).trim();
  }
  return `${value}`.trim();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n]/;

/**
 * `value` when it is text an input may hold: no NUL or other control characters (tab, and line
 * breaks where `lineBreaks` allows, excepted), at most `maxLength` characters.
 */
export function checkText(
  label: string,
  value: string,
  rule: { maxLength: number; lineBreaks: boolean },
): string {
  if (CONTROL.test(value) || (!rule.lineBreaks && LINE_BREAK.test(value))) {
    throw new Error(
      `${label} contains a control character${rule.lineBreaks ? "" : " or a line break"}; remove it.`,
    );
  }
  if (value.length > rule.maxLength) {
    throw new Error(`${label} is ${value.length} characters long; at most ${rule.maxLength}.`);
  }
  return value;
}
