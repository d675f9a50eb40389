// ISO 8601 as AWS and Prismatic write it: a date, optionally with a time and a zone.
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `value` as a Date when it is an ISO 8601 date or time from 1970 to 9999; else an error. */
export function checkDate(label: string, value: string): Date {
  const date = ISO_8601.test(value) ? new Date(value) : new Date(Number.NaN);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1970 || year > 9999) {
    throw new Error(
      `${label} "${value.slice(0, 40)}" is not a date; use ISO 8601 such as 2026-11-01T00:00:00Z.`,
    );
  }
  return date;
}
