// The naming rule SES shares for templates, configuration sets, event destinations, contact
// lists, topics and sending authorization policies.
const SES_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `value` when it is a valid SES name; otherwise an error naming the input and the kind of name. */
export function checkSesName(label: string, value: string, kind: string): string {
  if (!SES_NAME.test(value)) {
    throw new Error(
      `${label} "${value.slice(0, 70)}" is not a ${kind} name (1 to 64 letters, digits, "_" or "-").`,
    );
  }
  return value;
}
