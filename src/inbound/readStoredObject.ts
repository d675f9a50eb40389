import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";

export interface StoredObject {
  body: Buffer;
  metadata: Record<string, string>;
}

async function readCapped(
  stream: Readable,
  expectedLength: number | undefined,
  maxBytes: number,
  what: string,
  limit: string,
) {
  // With the length announced, chunks go straight into one buffer of that size: the body is
  // held once, not as a chunk list plus a concatenated copy.
  const target = expectedLength !== undefined ? Buffer.allocUnsafe(expectedLength) : undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (total + chunk.length > (target ? target.length : maxBytes)) {
      stream.destroy();
      throw new Error(
        target
          ? `${what} sent more bytes than the ${target.length} it announced.`
          : `${what} is larger than ${limit}.`,
      );
    }
    if (target) chunk.copy(target, total);
    else chunks.push(chunk);
    total += chunk.length;
  }
  if (target) {
    if (total !== target.length) throw new StoredObjectCutShort(what, total, target.length);
    return target;
  }
  return Buffer.concat(chunks, total);
}

/** An object that is not in the bucket: the message names it, S3's request ID is kept. */
/** The connection ended before the whole object arrived: worth reading again. */
export class StoredObjectCutShort extends Error {
  constructor(what: string, read: number, announced: number) {
    super(`${what} was cut short: read ${read} of ${announced} bytes.`);
    this.name = "StoredObjectCutShort";
  }
}

export class StoredObjectNotFound extends Error {
  constructor(
    readonly location: string,
    readonly requestId?: string,
  ) {
    super(
      `${location} does not exist (S3 NoSuchKey${requestId ? `; request ID ${requestId}` : ""}). Check the bucket and Object Key: SES names the object after the message ID, under the receipt rule's prefix.`,
    );
    this.name = "StoredObjectNotFound";
  }
}

type S3Failure = Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };

/** GETs an object, refusing one over `maxBytes` before reading its body; `limit` words the bound. */
export async function readStoredObject(
  s3: S3Client,
  bucket: string,
  key: string,
  maxBytes: number,
  limit = `${maxBytes} bytes`,
): Promise<StoredObject> {
  const { GetObjectCommand } = await import("@aws-sdk/client-s3");
  const what = `s3://${bucket}/${key}`;
  const response = await s3
    .send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    .catch((error: S3Failure) => {
      if (error.name === "NoSuchKey" || error.$metadata?.httpStatusCode === 404) {
        throw new StoredObjectNotFound(what, error.$metadata?.requestId);
      }
      throw error;
    });
  if (response.ContentLength !== undefined && response.ContentLength > maxBytes) {
    (response.Body as Readable | undefined)?.destroy?.();
    throw new Error(
      `${what} is ${response.ContentLength} bytes, over ${limit} (SES's S3 action stores messages of up to 40 MB).`,
    );
  }
  if (!response.Body) throw new Error(`${what} has no body.`);
  const body = await readCapped(
    response.Body as Readable,
    response.ContentLength,
    maxBytes,
    what,
    limit,
  );
  return { body, metadata: response.Metadata ?? {} };
}
