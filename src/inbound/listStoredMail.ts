import type { _Object, S3Client } from "@aws-sdk/client-s3";
import type { ListedMail } from "./mailPoll";

/** Written by SES when the rule is created, and by encryption clients beside the mail: not mail. */
export const isStoredMailKey = (key: string) =>
  !key.endsWith(".instruction") &&
  !key.endsWith("AMAZON_SES_SETUP_NOTIFICATION") &&
  !key.endsWith("/");

/** Every stored mail under `prefix`, one ListObjectsV2 page (1,000 keys) at a time. */
export async function listStoredMail(
  s3: S3Client,
  bucket: string,
  prefix: string | undefined,
): Promise<ListedMail[]> {
  const { paginateListObjectsV2 } = await import("@aws-sdk/client-s3");
  const listed: ListedMail[] = [];
  const pages = paginateListObjectsV2(
    { client: s3, pageSize: 1000 },
    { Bucket: bucket, Prefix: prefix },
  );
  for await (const page of pages) {
    for (const object of (page.Contents ?? []) as _Object[]) {
      if (!object.Key || !isStoredMailKey(object.Key)) continue;
      listed.push({
        key: object.Key,
        lastModified: object.LastModified?.getTime() ?? 0,
        size: object.Size ?? 0,
      });
    }
  }
  return listed;
}
