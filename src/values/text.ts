/** Any value as trimmed text; undefined and null are "" (flows leave optional inputs empty). */
export function cleanString(value: unknown): string {
  return value === undefined || value === null ? "" : `${value}`.trim();
}
