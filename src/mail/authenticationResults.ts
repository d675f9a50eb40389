/**
 * Authentication-Results (RFC 8601), read as its grammar says: the authserv-id, then resinfo
 * items separated by ";" outside quoted strings and comments, each starting with method=result.
 * A "dkim=pass" inside a quoted local part, a comment or a property value is not a result.
 */
export interface AuthenticationResults {
  authservId: string;
  results: { method: string; result: string }[];
}

/** Splits on ";" that is neither inside "quoted strings" (with \ escapes) nor (nested comments). */
function splitOutsideQuotesAndComments(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if ((quoted || depth > 0) && char === "\\") {
      i += 1; // a quoted-pair: the next character is literal
      continue;
    }
    if (quoted) {
      if (char === '"') quoted = false;
      continue;
    }
    if (char === "(") depth += 1;
    else if (char === ")" && depth > 0) depth -= 1;
    else if (depth === 0 && char === '"') quoted = true;
    else if (depth === 0 && char === ";") {
      parts.push(current);
      current = "";
    } else if (depth === 0) current += char;
  }
  parts.push(current);
  return parts.map((part) => part.replace(/\s+/g, " ").trim());
}

// method [ "/" version ] "=" result, at the very start of a resinfo (RFC 8601 section 2.2).
const METHOD_RESULT =
  /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(?:\/\s*\d+\s*)?=\s*([A-Za-z0-9_-]+)(?:\s|$)/;

export function parseAuthenticationResults(value: string): AuthenticationResults {
  const [first = "", ...resinfo] = splitOutsideQuotesAndComments(value);
  return {
    // authserv-id [ version ]
    authservId: first.split(" ")[0].toLowerCase(),
    results: resinfo.flatMap((item) => {
      const match = METHOD_RESULT.exec(item);
      return match ? [{ method: match[1].toLowerCase(), result: match[2].toUpperCase() }] : [];
    }),
  };
}

/**
 * The one result for a method, or null when there is none, or when the header gives it more than
 * one different result (a value SES copied from the sender, such as an unquoted HELO name, can
 * carry ";dkim=pass": then the sender's claim contradicts SES's own and neither is trusted).
 */
export function resultFor(parsed: AuthenticationResults, method: string): string | null {
  const results = new Set(parsed.results.filter((r) => r.method === method).map((r) => r.result));
  return results.size === 1 ? [...results][0] : null;
}
