/**
 * Encrypts a message as SES's S3 action does with a KMS key (the S3 encryption client's v1
 * envelope: AES-256-GCM, 12-byte IV, 16-byte tag appended, wrap "kms"), for the demo and tests.
 * Returns the object body and its user metadata.
 */
const { createCipheriv, randomBytes } = require("node:crypto");

function encryptLikeSes(plaintext, { dataKey, wrappedKey, encryptionContext }) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKey, iv, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return {
    body,
    metadata: {
      "x-amz-key-v2": wrappedKey.toString("base64"),
      "x-amz-iv": iv.toString("base64"),
      "x-amz-cek-alg": "AES/GCM/NoPadding",
      "x-amz-wrap-alg": "kms",
      "x-amz-matdesc": JSON.stringify(encryptionContext),
      "x-amz-tag-len": "128",
      "x-amz-unencrypted-content-length": String(plaintext.length),
    },
  };
}

module.exports = { encryptLikeSes };
