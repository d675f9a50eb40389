import sanitize from "sanitize-filename";

// Characters that change how a name is displayed without being visible: bidi controls (a
// right-to-left override turns "invoice_fdp.exe" into "invoice_exe.pdf" on screen), zero-width
// characters and the byte-order mark.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
// Slashes NFKC leaves alone but that Windows' best-fit conversion (or a careless viewer) turns
// into real separators: division, fraction, big, set-minus and reverse solidus variants.
const LOOKALIKE_SLASHES = /[\u2044\u2215\u2216\u29f5\u29f8\u29f9]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
const EXTENSION = /\.[\p{L}\p{N}_-]{1,16}$/u;
// 150 characters and 255 bytes of UTF-8 (the name limit of common file systems), whichever
// is reached first.
const MAX_LENGTH = 150;
const MAX_BYTES = 255;

function capLength(name: string): string {
  const chars = Array.from(name); // code points: never split a surrogate pair
  if (chars.length <= MAX_LENGTH && Buffer.byteLength(name) <= MAX_BYTES) return name;
  const extension = EXTENSION.exec(name)?.[0] ?? "";
  const stem = chars.slice(0, chars.length - Array.from(extension).length);
  let length = Math.min(stem.length, MAX_LENGTH - Array.from(extension).length);
  const fits = () => Buffer.byteLength(stem.slice(0, length).join("") + extension) <= MAX_BYTES;
  while (length > 0 && !fits()) length -= 1;
  return `${stem.slice(0, length).join("").trimEnd()}${extension}`;
}

/**
 * A file name that is safe to use as a path component anywhere a flow may save it: NFKC, with
 * lookalike slashes taken as slashes, then the base name only (no folders, no "." or ".."),
 * without control, line or paragraph separators, bidi or zero-width characters, whitespace runs
 * (one space each, so no extension hides behind a screenful of spaces), characters Windows
 * refuses or device names (CONIN$ and CONOUT$ too), leading dots (hidden files) or trailing dots
 * and spaces, at most 150 characters and 255 bytes with the extension kept; `fallback` when
 * nothing is left.
 */
export function safeFileName(untrusted: string, fallback: string): string {
  // NFKC first: fullwidth and other compatibility forms of "/", "\\" and "." become the real
  // ones, so they are split on and trimmed like them instead of surviving as lookalikes.
  const visible = untrusted
    .normalize("NFKC")
    .replace(LOOKALIKE_SLASHES, "/")
    .replace(CONTROL, "")
    .replace(INVISIBLE, "")
    .replace(/\s+/g, " ");
  let name = (visible.split(/[/\\]/).pop() ?? "").trim().replace(/^[.\s]+/, "");
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  name = sanitize(capLength(name), { replacement: "_" }).trim();
  return name === "" || /^[._\s]+$/.test(name) ? fallback : name;
}

/** `name`, or "stem (2).ext", "stem (3).ext" ... when a file of that name (in any case) exists. */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const extension = EXTENSION.exec(name)?.[0] ?? "";
  const stem = name.slice(0, name.length - extension.length);
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    candidate = `${stem} (${n})${extension}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
