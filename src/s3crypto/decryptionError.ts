/** Why an encrypted object was refused; each reason has its own, specific message. */
export type DecryptionFailure =
  | "missing-envelope"
  | "unsupported-wrap-algorithm"
  | "unsupported-content-algorithm"
  | "malformed-envelope"
  | "cek-algorithm-mismatch"
  | "unexpected-encryption-context"
  | "unexpected-kms-key"
  | "length-mismatch"
  | "bad-data-key"
  | "authentication-failed"
  | "bad-padding"
  | "unauthenticated-cbc-refused";

/** A refused decryption. Never carries any plaintext, key or ciphertext. */
export class DecryptionError extends Error {
  constructor(
    readonly reason: DecryptionFailure,
    message: string,
  ) {
    super(message);
    this.name = "DecryptionError";
  }
}
