import { DecryptCommand, type KMSClient } from "@aws-sdk/client-kms";
import type { UnwrapKey } from "./decrypt";

/** KMS Decrypt as the data-key unwrap: KMS checks the encryption context against the key's binding. */
export function kmsUnwrap(kms: KMSClient): UnwrapKey {
  return async (wrappedKey, encryptionContext) => {
    const { Plaintext } = await kms.send(
      new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: encryptionContext }),
    );
    if (!Plaintext) throw new Error("KMS Decrypt returned no data key.");
    return Buffer.from(Plaintext);
  };
}
