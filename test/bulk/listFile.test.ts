import { Readable } from "node:stream";
import type { FeedEntry } from "../../src/bulk/feed";
import { type ListFormat, readListFile } from "../../src/bulk/listFile";

/** The file's bytes in small chunks, so lines and records span chunks as they do from S3. */
const streamOf = (text: string | Buffer, from = 0) => {
  const bytes = Buffer.from(text).subarray(from);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
    bytes.subarray(i * 7, i * 7 + 7),
  );
  return Readable.from(chunks, { objectMode: false });
};
async function entries(
  text: string | Buffer,
  format: ListFormat,
  start = { index: 0, offset: 0, line: 0 },
) {
  const out: FeedEntry[] = [];
  for await (const entry of readListFile(streamOf(text, start.offset), format, start))
    out.push(entry);
  return out;
}
const describeEntry = (entry: FeedEntry) =>
  "destination" in entry
    ? {
        index: entry.destination.index,
        line: entry.destination.source?.line,
        to: entry.destination.to,
      }
    : { index: entry.invalid.index, line: entry.invalid.line, error: entry.invalid.error };

const JSONL = [
  '{"to": "a@example.com", "templateData": {"n": 1}}',
  "",
  '"b@example.com"\r',
  "{not json}",
  '{"to": "nope"}',
  '{"to": ["C <c@example.com>"], "cc": "d@example.com"}',
].join("\n");

describe("JSON Lines destination files", () => {
  it("reads each line as a destination, skips blank lines, and reports bad lines by line number", async () => {
    expect((await entries(JSONL, "jsonl")).map(describeEntry)).toEqual([
      { index: 0, line: 1, to: ["a@example.com"] },
      { index: 1, line: 3, to: ["b@example.com"] },
      { index: 2, line: 4, error: expect.stringMatching(/^Line 4: not JSON/) },
      {
        index: 3,
        line: 5,
        error: expect.stringMatching(/^Line 5: To: "nope" is not a valid email address/),
      },
      { index: 4, line: 6, to: ['"C" <c@example.com>'] },
    ]);
  });

  it("resumes from any entry's position with exactly the entries after it", async () => {
    const all = await entries(JSONL, "jsonl");
    for (let k = 0; k < all.length; k++) {
      const next = all[k].next;
      const rest = await entries(JSONL, "jsonl", {
        index: next.index,
        offset: next.offset,
        line: next.line ?? 0,
      });
      expect(rest.map(describeEntry)).toEqual(all.slice(k + 1).map(describeEntry));
    }
  });

  it("ignores a byte-order mark before the first line", async () => {
    const found = (await entries('\uFEFF"a@example.com"\n"b@example.com"', "jsonl")).map(
      describeEntry,
    );
    expect(found.map((entry) => "to" in entry && entry.to)).toEqual([
      ["a@example.com"],
      ["b@example.com"],
    ]);
  });

  it("reports a line over 1 MB as one invalid line without keeping it, and goes on", async () => {
    const text = `"a@example.com"\n"${"x".repeat(1_200_000)}"\n"b@example.com"`;
    const found = (await entries(text, "jsonl")).map(describeEntry);
    expect(found).toEqual([
      { index: 0, line: 1, to: ["a@example.com"] },
      { index: 1, line: 2, error: "Line 2: longer than 1 MB." },
      { index: 2, line: 3, to: ["b@example.com"] },
    ]);
  });
});

const CSV = [
  "\uFEFFto,cc,name,plan",
  'a@example.com,,"Doe, Jane",gold',
  "b@example.com;c@example.com,d@example.com,Bob,silver",
  "",
  "e@example.com,,Eve",
  "nope,,X,y",
  'f@example.com,,"Fay",bronze',
].join("\r\n");

describe("CSV destination files", () => {
  it("reads to/cc/bcc columns (several addresses separated by ;) and the rest as template data", async () => {
    const found = await entries(CSV, "csv");
    expect(found.map(describeEntry)).toEqual([
      { index: 0, line: 2, to: ["a@example.com"] },
      { index: 1, line: 3, to: ["b@example.com", "c@example.com"] },
      { index: 2, line: 5, error: "Line 5: 4 columns expected." },
      { index: 3, line: 6, error: expect.stringMatching(/^Line 6: To: "nope"/) },
      { index: 4, line: 7, to: ["f@example.com"] },
    ]);
    const first = found[0] as { destination: { entry: unknown } };
    expect(first.destination.entry).toMatchObject({
      Destination: { ToAddresses: ["a@example.com"], CcAddresses: [] },
      ReplacementEmailContent: {
        ReplacementTemplate: { ReplacementTemplateData: '{"name":"Doe, Jane","plan":"gold"}' },
      },
    });
    expect(found[1].next.header).toEqual(["to", "cc", "name", "plan"]);
  });

  it("resumes from any row's position with the header it recorded", async () => {
    const all = await entries(CSV, "csv");
    for (let k = 0; k < all.length; k++) {
      const { index, offset, line, header } = all[k].next;
      const rest = await entries(CSV, "csv", { index, offset, line: line ?? 0, header } as never);
      expect(rest.map(describeEntry)).toEqual(all.slice(k + 1).map(describeEntry));
    }
  });

  it("refuses a file without a to column", async () => {
    await expect(entries("email,name\r\na@example.com,A", "csv")).rejects.toThrow(/no "to" column/);
  });
});
