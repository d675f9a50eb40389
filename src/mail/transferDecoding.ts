/**
 * Content-Transfer-Encoding decoders on bytes (RFC 2045 §6): the result is exactly the bytes
 * the sender encoded. Text is never decoded to characters and back, line breaks are never
 * rewritten, and the line break before a boundary is not part of the body (the caller cuts it).
 */

// The value of each base64 character (RFC 4648 table 1); -1 for every other byte, -2 for "=".
const BASE64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  BASE64_VALUE["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] =
    i;
}
BASE64_VALUE[0x3d] = -2;

/**
 * Base64 as RFC 2045 §6.8 reads it: characters outside the alphabet (line breaks, spaces,
 * anything a relay inserted) are ignored, and padding ends the data ("=" "may be taken as
 * evidence that the end of the data has been reached"), as Python and Node decode it: text
 * after it, such as a broken delimiter and an epilogue, never becomes attachment bytes.
 * Decoded byte by byte straight into one buffer: no string of the text is ever made, so a
 * 40 MB attachment leaves no 40 MB of garbage behind.
 */
export function decodeBase64(body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafeSlow(Math.ceil((body.length * 3) / 4));
  const end = body.length;
  let written = 0;
  let bits = 0;
  let count = 0;
  let i = 0;
  while (i < end) {
    // Fast path: four alphabet characters in a row, as in every line of a well-formed body.
    if (count === 0 && i + 4 <= end) {
      const a = BASE64_VALUE[body[i]];
      const b = BASE64_VALUE[body[i + 1]];
      const c = BASE64_VALUE[body[i + 2]];
      const d = BASE64_VALUE[body[i + 3]];
      if ((a | b | c | d) >= 0) {
        const group = (a << 18) | (b << 12) | (c << 6) | d;
        out[written++] = group >>> 16;
        out[written++] = (group >>> 8) & 0xff;
        out[written++] = group & 0xff;
        i += 4;
        continue;
      }
    }
    const value = BASE64_VALUE[body[i++]];
    if (value === -1) continue;
    if (value === -2) break;
    bits = (bits << 6) | value;
    if (++count === 4) {
      out[written++] = bits >>> 16;
      out[written++] = (bits >>> 8) & 0xff;
      out[written++] = bits & 0xff;
      bits = 0;
      count = 0;
    }
  }
  // A last group of 2 or 3 characters holds 1 or 2 bytes; a lone character holds none.
  if (count === 2) out[written++] = bits >>> 4;
  else if (count === 3) {
    out[written++] = bits >>> 10;
    out[written++] = (bits >>> 2) & 0xff;
  }
  return out.subarray(0, written);
}

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX["0123456789ABCDEF".charCodeAt(i)] = i;
  HEX["0123456789abcdef".charCodeAt(i)] = i;
}

/**
 * Quoted-printable (RFC 2045 §6.7): "=XX" is a byte, "=" at the end of a line (after optional
 * whitespace) is a soft line break, everything else, hard line breaks included, is kept as is.
 * An "=" followed by anything else is kept literally, as Python's and libqp's decoders do.
 */
export function decodeQuotedPrintable(body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafeSlow(body.length);
  let written = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== 0x3d) {
      out[written++] = c;
      continue;
    }
    const high = HEX[body[i + 1] ?? 0];
    const low = HEX[body[i + 2] ?? 0];
    if (i + 2 < body.length && high >= 0 && low >= 0) {
      out[written++] = (high << 4) | low;
      i += 2;
      continue;
    }
    // A soft line break: "=", optional transport padding, then CRLF, LF or the end.
    let j = i + 1;
    while (j < body.length && (body[j] === 0x20 || body[j] === 0x09)) j++;
    if (j === body.length) {
      i = j - 1;
      continue;
    }
    if (body[j] === 0x0a || (body[j] === 0x0d && body[j + 1] === 0x0a)) {
      i = body[j] === 0x0d ? j + 1 : j;
      continue;
    }
    out[written++] = c;
  }
  return out.subarray(0, written);
}

/**
 * The body's bytes under its transfer encoding. 7bit, 8bit, binary and unknown encodings
 * (x-uuencode...) are passed through untouched: the result is a view of the message, no copy.
 */
export function decodeTransferEncoding(body: Buffer, transferEncoding: string): Buffer {
  switch (transferEncoding) {
    case "base64":
      return decodeBase64(body);
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}
