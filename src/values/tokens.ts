// AWS's pagination tokens are opaque, but none is longer than a few kilobytes or holds control
// characters; refusing those costs nothing and keeps junk from a mapped value out of requests.
const MAX_TOKEN_LENGTH = 8192;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `value` when it can be a pagination token; otherwise an error naming the input. */
export function checkToken(label: string, value: string): string {
  if (value.length > MAX_TOKEN_LENGTH || CONTROL.test(value)) {
    throw new Error(
      `${label} is not a token AWS returned (at most ${MAX_TOKEN_LENGTH} characters, no control characters): copy nextToken from the previous page's result.`,
    );
  }
  return value;
}
