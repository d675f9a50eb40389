import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The check an EventBridge API destination's requests must pass: its connection sends a header
 * the builder chose (API key authorization: the key's name and value) on every request. Compared
 * in constant time over SHA-256 digests, so neither the value's content nor its length leaks
 * through timing. Pure.
 */
export function hasApiKey(
  headers: Record<string, string | string[] | undefined> | undefined,
  headerName: string,
  secret: string,
): boolean {
  const wanted = headerName.toLowerCase();
  let value: string | string[] | undefined;
  for (const [name, sent] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === wanted) value = sent;
  }
  // A repeated header is refused: which copy a proxy would pass on is not ours to guess.
  if (typeof value !== "string") return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(value), digest(secret));
}

/** Header names an API destination connection can send (RFC 9110 tokens), not ones AWS sets. */
export function checkHeaderName(label: string, name: string): string {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/.test(name)) {
    throw new Error(
      `${label} must be an HTTP header name (letters, digits and -), not "${name.slice(0, 64)}".`,
    );
  }
  if (/^(host|content-length|content-type|x-amz-.*)$/i.test(name)) {
    throw new Error(`${label} cannot be ${name}: EventBridge or HTTP sets it on every request.`);
  }
  return name;
}
