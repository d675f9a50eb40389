// SES's rule for receipt rule and rule set names.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `value` when it is a receipt rule (set) name; otherwise an error naming the input. */
export function checkReceiptRuleName(label: string, value: string): string {
  if (!NAME.test(value)) {
    throw new Error(
      `${label} "${value.slice(0, 70)}" must start with a letter or digit and hold at most 64 letters, digits, ".", "_" or "-".`,
    );
  }
  return value;
}
