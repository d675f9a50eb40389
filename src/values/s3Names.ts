// S3's rules for general purpose bucket names: 3-63 lower-case letters, digits, "." and "-",
// starting and ending with a letter or digit.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `value` when it is an S3 bucket name; otherwise an error naming the input. */
export function checkBucketName(label: string, value: string): string {
  if (!BUCKET.test(value)) {
    throw new Error(`${label} "${value.slice(0, 70)}" is not an S3 bucket name.`);
  }
  return value;
}

/** `value` when it can be an S3 object key: 1 to 1024 bytes, no control characters. */
export function checkObjectKey(label: string, value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (value === "" || Buffer.byteLength(value) > 1024 || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new Error(
      `${label} must be an S3 object key of 1 to 1024 bytes without control characters.`,
    );
  }
  return value;
}
