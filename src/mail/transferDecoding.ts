/**
 * Content-Transfer-Encoding decoders on bytes (RFC 2045 §6): the result is exactly the bytes
 * the sender encoded. Text is never decoded to characters and back, line breaks are never
 * rewritten, and the line break before a boundary is not part of the body (the caller cuts it).
 */

const BASE64_ALPHABET = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") {
  BASE64_ALPHABET[c.charCodeAt(0)] = 1;
}

// Base64 text is decoded this many characters at a time (a multiple of 4), so a 40 MB
// attachment never exists as one 40 MB string beside its decoded bytes.
const BASE64_WINDOW = 1024 * 1024;

/**
 * Base64 as RFC 2045 §6.8 reads it: characters outside the alphabet (line breaks, spaces,
 * anything a relay inserted) are ignored, and padding ends the data ("=" "may be taken as
 * evidence that the end of the data has been reached"), as Python and Node decode it: text
 * after it, such as a broken delimiter and an epilogue, never becomes attachment bytes.
 * The output is written straight into one buffer.
 */
export function decodeBase64(body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafeSlow(Math.ceil((body.length * 3) / 4) + 3);
  const window = Buffer.allocUnsafe(Math.min(BASE64_WINDOW, body.length + 4));
  let written = 0;
  let held = 0;
  let padded = false;
  const flush = (count: number) => {
    written += out.write(window.toString("latin1", 0, count), written, "base64");
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (BASE64_ALPHABET[c] === 0) continue;
    if (padded && c !== 0x3d) break;
    if (c === 0x3d) padded = true;
    window[held++] = c;
    if (held === window.length) {
      const whole = held - (held % 4);
      flush(whole);
      window.copy(window, 0, whole, held);
      held -= whole;
    }
  }
  if (held > 0) flush(held);
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
