/**
 * A second, independent MIME decoder for the corpus tests: @zone-eu/mailsplit (the splitter
 * under nodemailer's mailparser, written to give back the original bytes exactly) with its own
 * libmime/libbase64/libqp decoders. It shares no code with src/mail/mimeTree.ts or postal-mime.
 */
import { type MimeNode, Splitter } from "@zone-eu/mailsplit";

export interface ReferenceLeaf {
  contentType: string;
  disposition: string | null;
  fileName: string | null;
  bytes: Buffer;
}

/**
 * mailsplit reads a part without Content-Type as text/plain everywhere; in a multipart/digest
 * it is message/rfc822 (RFC 2046 §5.1.5), as postal-mime, Python and this component read it.
 */
function defaultType(node: MimeNode): string | undefined {
  const parent = node.parentNode;
  const inDigest = parent && parent.multipart === "digest";
  return inDigest && node.headers && node.headers.get("content-type").length === 0
    ? "message/rfc822"
    : undefined;
}

/** Every leaf of the message (message/rfc822 parts whole), in order, decoded by mailsplit. */
export function referenceLeaves(raw: Buffer): Promise<ReferenceLeaf[]> {
  return new Promise((resolve, reject) => {
    const splitter = new Splitter({ ignoreEmbedded: true });
    const leaves: { node: MimeNode; chunks: Buffer[]; decoder: NodeJS.ReadWriteStream }[] = [];
    const decoded: Promise<void>[] = [];
    let current: (typeof leaves)[number] | null = null;
    splitter.on("data", (data) => {
      if (data.type === "node") {
        const node = data;
        current = null;
        if (node.multipart) return;
        const leaf = {
          node,
          chunks: [] as Buffer[],
          decoder: node.getDecoder() as NodeJS.ReadWriteStream,
        };
        leaf.decoder.on("data", (chunk: Buffer) => leaf.chunks.push(chunk));
        decoded.push(new Promise((done) => leaf.decoder.on("end", () => done())));
        leaves.push(leaf);
        current = leaf;
      } else if (data.type === "body" && current && data.value) {
        current.decoder.write(data.value);
      }
    });
    const stream: NodeJS.EventEmitter = splitter;
    stream.on("error", reject);
    stream.on("end", () => {
      for (const leaf of leaves) leaf.decoder.end();
      Promise.all(decoded).then(
        () =>
          resolve(
            leaves.map(({ node, chunks }) => ({
              contentType: defaultType(node) ?? (node.contentType || "text/plain"),
              disposition: node.disposition || null,
              fileName: node.filename || null,
              bytes: Buffer.concat(chunks),
            })),
          ),
        reject,
      );
    });
    // mailsplit is a stream that only ends once its output is read.
    splitter.resume();
    splitter.end(raw);
  });
}
