import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/** A Bring-Your-Own-DKIM key as SES takes it, and the public half for the DNS record. */
export interface DkimKey {
  /** The key's DER, base64 without line breaks (what DomainSigningPrivateKey takes). */
  privateKeyBase64: string;
  /** SubjectPublicKeyInfo DER, base64: the p= of the DKIM TXT record. */
  publicKeyBase64: string;
  bits: number;
}

const PEM = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * Checks a DKIM private key (PEM, or base64 DER as SES takes it) is an unencrypted 1024- or
 * 2048-bit RSA key, as SES requires. Errors never contain any part of the key.
 */
export function parseDkimPrivateKey(label: string, text: string): DkimKey {
  const pem = PEM.exec(text);
  if (pem && pem[1] === "ENCRYPTED PRIVATE KEY") {
    throw new Error(`${label} is encrypted with a passphrase; SES needs the unencrypted key.`);
  }
  const body = (pem ? pem[2] : text).replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length > 20480) {
    throw new Error(
      `${label} is neither a PEM private key nor base64 (SES takes at most 20,480 characters).`,
    );
  }
  const der = Buffer.from(body, "base64");
  const types =
    pem?.[1] === "RSA PRIVATE KEY" ? (["pkcs1"] as const) : (["pkcs8", "pkcs1"] as const);
  let key: KeyObject | undefined;
  for (const type of types) {
    try {
      key = createPrivateKey({ key: der, format: "der", type });
      break;
    } catch {
      // try the next encoding
    }
  }
  if (!key) throw new Error(`${label} is not a readable private key (PKCS#1 or PKCS#8).`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== "rsa" || (bits !== 1024 && bits !== 2048)) {
    throw new Error(
      `${label} must be a 1024- or 2048-bit RSA key, not ${key.asymmetricKeyType === "rsa" ? `${bits}-bit RSA` : (key.asymmetricKeyType ?? "another kind")}.`,
    );
  }
  return {
    privateKeyBase64: body,
    publicKeyBase64: createPublicKey(key)
      .export({ type: "spki", format: "der" })
      .toString("base64"),
    bits,
  };
}
