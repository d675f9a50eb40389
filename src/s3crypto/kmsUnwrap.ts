import type { KMSClient } from "@aws-sdk/client-kms";
import type { UnwrapKey } from "./decrypt";

/**
 * KMS Decrypt as the data-key unwrap: KMS checks the encryption context against the key's
 * binding, and with `expectedKeyId` (passed as KeyId) refuses a blob wrapped under any other key.
 * `kms` makes the client, called only when a key must be unwrapped.
 */
export function kmsUnwrap(kms: () => Promise<KMSClient>): UnwrapKey {
  return async (wrappedKey, encryptionContext, expectedKeyId) => {
    // Made on first use: an unencrypted mail needs no KMS client (nor KMS-ready credentials).
    const { DecryptCommand } = await import("@aws-sdk/client-kms");
    const { Plaintext, KeyId } = await (await kms()).send(
      new DecryptCommand({
        CiphertextBlob: wrappedKey,
        EncryptionContext: encryptionContext,
        ...(expectedKeyId ? { KeyId: expectedKeyId } : {}),
      }),
    );
    if (!Plaintext) throw new Error("KMS Decrypt returned no data key.");
    return { dataKey: Buffer.from(Plaintext), keyId: KeyId ?? null };
  };
}
