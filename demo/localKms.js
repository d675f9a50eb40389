/**
 * A local stand-in for AWS KMS's Decrypt, for the demo and tests: point the SDK at it with
 * AWS_ENDPOINT_URL_KMS. Like real KMS it returns a data key only for the exact ciphertext blob
 * and encryption context it was registered with (anything else is InvalidCiphertextException),
 * and only under the KeyId of the request when it names one (else IncorrectKeyException).
 */
const { createServer } = require("node:http");
const { randomBytes } = require("node:crypto");

function sameContext(a = {}, b = {}) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

async function startLocalKms() {
  const keys = []; // { blob, context, dataKey }
  const calls = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const input = JSON.parse(body || "{}");
      calls.push({ target, context: input.EncryptionContext, keyId: input.KeyId });
      const reply = (status, payload, type) => {
        res.writeHead(status, {
          "content-type": "application/x-amz-json-1.1",
          ...(type ? { "x-amzn-errortype": type } : {}),
        });
        res.end(JSON.stringify(payload));
      };
      if (target !== "TrentService.Decrypt")
        return reply(
          400,
          { message: `${target} is not supported here` },
          "UnsupportedOperationException",
        );
      const blob = Buffer.from(input.CiphertextBlob ?? "", "base64");
      const key = keys.find(
        (k) => k.blob.equals(blob) && sameContext(k.context, input.EncryptionContext),
      );
      if (!key)
        return reply(
          400,
          { message: "The ciphertext or encryption context is not valid." },
          "InvalidCiphertextException",
        );
      // Like KMS: with KeyId, a blob wrapped under any other key is refused.
      if (input.KeyId && input.KeyId !== key.keyId)
        return reply(
          400,
          {
            message:
              "The key ID in the request does not identify a CMK that can perform this operation.",
          },
          "IncorrectKeyException",
        );
      reply(200, {
        KeyId: key.keyId,
        Plaintext: key.dataKey.toString("base64"),
        EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
      });
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    calls,
    /** A new data key, "wrapped" for this context: returns the data key and its opaque blob. */
    generateDataKey(context, keyId = "arn:aws:kms:us-east-1:111122223333:key/local-demo") {
      const dataKey = randomBytes(32);
      const blob = Buffer.concat([Buffer.from("local-kms:"), randomBytes(32)]);
      keys.push({ blob, context, dataKey, keyId });
      return { dataKey: Buffer.from(dataKey), wrappedKey: blob };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startLocalKms };
