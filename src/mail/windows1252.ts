/**
 * Node 20.18.3+ and 22.13+ decode the "windows-1252" label (which WHATWG also uses for
 * iso-8859-1 and latin1) as ISO-8859-1: bytes 0x80-0x9F become C1 controls U+0080-U+009F instead
 * of €, smart quotes, dashes (nodejs/node#60888). The mapping is one-to-one, so it can be undone.
 */
const WINDOWS_1252_C1 = [
  "€",
  "\u0081",
  "‚",
  "ƒ",
  "„",
  "…",
  "†",
  "‡",
  "ˆ",
  "‰",
  "Š",
  "‹",
  "Œ",
  "\u008d",
  "Ž",
  "\u008f",
  "\u0090",
  "‘",
  "’",
  "“",
  "”",
  "•",
  "–",
  "—",
  "˜",
  "™",
  "š",
  "›",
  "œ",
  "\u009d",
  "ž",
  "Ÿ",
];

const decoderIsBroken = new TextDecoder("windows-1252").decode(Uint8Array.of(0x80)) !== "€";

// The C1 controls U+0080-U+009F: what the broken decoder made of bytes 0x80-0x9F.
const C1 = /[\u0080-\u009f]/g;

/** Text as a correct windows-1252 decoder would have produced it; unchanged on a fixed Node. */
export function repairWindows1252<T extends string | null | undefined>(text: T): T {
  if (!decoderIsBroken || typeof text !== "string") return text;
  return text.replace(C1, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]) as T;
}
