import type { KeyValuePair } from "@prismatic-io/spectral";
import { checkBoolean } from "../values/flags";
import { cleanString } from "../values/text";

/**
 * Input cleaners. Flows leave optional inputs as "" (lists too), so every cleaner treats "",
 * undefined, null and [] alike as "not given".
 */

export { cleanString } from "../values/text";

/** An optional input's cleaner: empty is undefined, anything else must pass `check`. */
export function cleanOptional<T>(check: (text: string) => T) {
  return (value: unknown): T | undefined => {
    const text = cleanString(value);
    return text === "" ? undefined : check(text);
  };
}

export function cleanOptionalString(value: unknown): string | undefined {
  return cleanString(value) || undefined;
}

/** A boolean input's cleaner: true/false or their text; empty is `fallback`; else an error. */
export function cleanBoolean(label: string, fallback = false) {
  return (value: unknown): boolean => checkBoolean(label, value, fallback);
}

/** A value list; a lone string counts as a one-item list. Blank items are dropped. */
export function cleanStringList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(cleanString).filter((item) => item !== "");
}

/**
 * A key-value list; a plain object (say, a previous step's output) is taken as its entries.
 * Values stay as given (files are Buffers or data payloads, not strings).
 */
export function cleanKeyValueList(value: unknown): KeyValuePair<unknown>[] {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) {
    return value
      .filter((pair) => pair && typeof pair === "object" && cleanString(pair.key) !== "")
      .map((pair) => ({ key: cleanString(pair.key), value: pair.value }));
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).map(([key, item]) => ({
      key: key.trim(),
      value: item,
    }));
  }
  throw new Error(`Expected a list of key/value pairs, got ${typeof value}.`);
}

/** A whole number within bounds, or the default when not given; errors name the input. */
export function cleanInteger(label: string, min: number, max: number, fallback: number) {
  return (value: unknown): number => {
    const text = cleanString(value);
    if (text === "") return fallback;
    const number = Number(text);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new Error(`${label} must be a whole number from ${min} to ${max}, not "${text}".`);
    }
    return number;
  };
}

/** "A", "A or B", "A, B or C". */
function oneOf(choices: readonly string[]): string {
  return choices.length > 1
    ? `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`
    : (choices[0] ?? "");
}

/** One of a picklist's values (empty: the fallback); anything else is an error listing them. */
export function cleanChoice<T extends string>(label: string, choices: readonly T[], fallback?: T) {
  return (value: unknown): T => {
    const text = cleanString(value) || fallback || "";
    if (!(choices as readonly string[]).includes(text)) {
      throw new Error(
        `${label} must be ${oneOf(choices)}, not "${JSON.stringify(text).slice(1, 61).replace(/"$/, "")}".`,
      );
    }
    return text as T;
  };
}

/** An optional 12-digit AWS account ID: undefined when empty. */
export function cleanAccountId(label: string) {
  return (value: unknown): string | undefined => {
    const text = cleanString(value);
    if (text === "") return undefined;
    if (!/^\d{12}$/.test(text)) {
      throw new Error(`${label} must be 12 digits, not "${text.slice(0, 40)}".`);
    }
    return text;
  };
}
