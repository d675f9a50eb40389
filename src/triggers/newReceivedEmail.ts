import { input, pollingTrigger } from "@prismatic-io/spectral";
import { fetchReceivedEmailExample } from "../actions/inbound/fetchReceivedEmailExample";
import { clientSettings, createKmsClient, createS3Client } from "../aws/clients";
import { fetchStoredMail, storedMailChecks } from "../inbound/fetchStoredMail";
import { listStoredMail } from "../inbound/listStoredMail";
import { classifyMailFailure } from "../inbound/mailFailures";
import { type ListedMail, MailPoll } from "../inbound/mailPoll";
import { cleanBoolean, cleanInteger } from "../inputs/clean";
import { connectionInput, regionInput } from "../inputs/common";
import {
  prefixInput,
  requiredBucketInput,
  s3EndpointInput,
  storedMailCheckInputs,
} from "../inputs/inbound";
import { parseReceivedEmail } from "../mail/parseReceived";
import { kmsUnwrap } from "../s3crypto/kmsUnwrap";
import { exampleTriggerResult } from "./examplePayload";

/** A poll hands over at most this much mail (decrypted and parsed), far below the result limit. */
const POLL_MAIL_BUDGET_BYTES = 64 * 1024 * 1024;

const maxMailsPerPollInput = input({
  label: "Max Mails Per Poll",
  type: "string",
  required: false,
  default: "10",
  comments:
    "At most this many mails go to one execution (and at most 64 MB of them); the rest wait for the next poll, oldest first. 1 to 100.",
  clean: cleanInteger("Max Mails Per Poll", 1, 100, 10),
});

const processExistingInput = input({
  label: "Process Existing Mail",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Off: the first poll only notes what the bucket holds, and mail from then on is handed over. On: mail already under the prefix is handed over too, oldest first, Max Mails Per Poll at a time.",
  clean: cleanBoolean("Process Existing Mail"),
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const newReceivedEmail = pollingTrigger({
  display: {
    label: "New Received Email",
    description:
      "Polls the S3 bucket and prefix a receipt rule stores mail in, and hands each new mail to the flow once, fetched, decrypted and authenticated like Fetch Received Email: no SNS topic, no public endpoint, nothing lost while the flow is paused. A mail that cannot be read is reported once under unreadable. Turn on Singleton Executions in the trigger's flow control so two polls never overlap.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    bucket: requiredBucketInput,
    prefix: prefixInput,
    maxMailsPerPoll: maxMailsPerPollInput,
    processExisting: processExistingInput,
    ...storedMailCheckInputs,
    endpoint: s3EndpointInput,
  },
  perform: async (context, payload, params) => {
    const settings = clientSettings(params);
    const s3 = await createS3Client(settings);
    const poll = MailPoll.read(context.polling.getState().mail);
    const listed = await listStoredMail(s3, params.bucket, params.prefix);
    const where = `s3://${params.bucket}/${params.prefix ?? ""}`;
    if (!poll.started) {
      if (!params.processExisting) {
        poll.startAfter(listed, Date.now());
        context.polling.setState({ mail: poll.toJSON() });
        context.logger.info(
          `New Received Email: first poll of ${where}; ${listed.length} mail(s) already there are left alone (Process Existing Mail is off). Mail from now on is handed over.`,
        );
        return { payload, polledNoChanges: true };
      }
      poll.startFromTheBeginning();
    }

    const fresh = poll.newMail(listed);
    const unwrapKey = kmsUnwrap(() => createKmsClient({ ...settings, endpoint: undefined }));
    const checks = storedMailChecks(params);
    const mails: Record<string, unknown>[] = [];
    const unreadable: { bucket: string; key: string; lastModified: string; reason: string }[] = [];
    let bytes = 0;
    let stoppedBy: string | undefined;
    for (const mail of fresh) {
      if (mails.length + unreadable.length >= params.maxMailsPerPoll) break;
      if (mails.length > 0 && bytes + mail.size > POLL_MAIL_BUDGET_BYTES) break;
      try {
        mails.push(await fetchMail(s3, unwrapKey, checks, params.bucket, mail));
        bytes += mail.size;
      } catch (error) {
        const kind = classifyMailFailure(error);
        if (kind === "setup") throw error;
        if (kind === "retry") {
          stoppedBy = `${mail.key}: ${messageOf(error)}`;
          break;
        }
        // The mail itself cannot be read: reported once, never retried.
        unreadable.push({
          bucket: params.bucket,
          key: mail.key,
          lastModified: new Date(mail.lastModified).toISOString(),
          reason: messageOf(error),
        });
        context.logger.warn(
          `New Received Email: s3://${params.bucket}/${mail.key} cannot be read and is reported once, not retried: ${messageOf(error)}`,
        );
      }
      poll.handOver(mail);
    }
    context.polling.setState({ mail: poll.toJSON() });
    const waiting = fresh.length - mails.length - unreadable.length;
    if (stoppedBy) {
      context.logger.warn(
        `New Received Email: stopped at ${stoppedBy}; it and the ${waiting - 1} mail(s) after it are read by the next poll.`,
      );
    }
    if (mails.length + unreadable.length > 0 || waiting > 0) {
      context.logger.info(
        `New Received Email: ${where}: ${mails.length} mail(s) handed over (${mb(bytes)} stored), ${unreadable.length} unreadable, ${waiting} waiting for the next poll.`,
      );
    }
    return {
      payload: {
        ...payload,
        body: { data: { mails, unreadable, waiting }, contentType: "application/json" },
      },
      polledNoChanges: mails.length === 0 && unreadable.length === 0,
    };
  },
  examplePayload: {
    payload: {
      ...exampleTriggerResult("", {}).payload,
      headers: {},
      rawBody: { data: "" },
      body: {
        data: {
          mails: [{ ...fetchReceivedEmailExample.data, lastModified: "2026-11-23T17:58:43.000Z" }],
          unreadable: [
            {
              bucket: "inbound-mail",
              key: "inbound/9f2c41d07ab3e6c58d1e2f3a4b5c6d7e8f901234",
              lastModified: "2026-11-23T17:59:02.000Z",
              reason:
                "The message's authentication tag does not match: it was altered, or not encrypted with this key.",
            },
          ],
          waiting: 0,
        },
        contentType: "application/json",
      },
    },
    polledNoChanges: false,
  },
});

/** One listed mail fetched, decrypted, authenticated and parsed, as Fetch Received Email does. */
async function fetchMail(
  s3: Awaited<ReturnType<typeof createS3Client>>,
  unwrapKey: ReturnType<typeof kmsUnwrap>,
  checks: ReturnType<typeof storedMailChecks>,
  bucket: string,
  mail: ListedMail,
) {
  const stored = await fetchStoredMail({
    s3,
    unwrapKey,
    location: { bucket, key: mail.key },
    ...checks,
  });
  const email = await parseReceivedEmail(stored.raw);
  return {
    bucket,
    key: mail.key,
    lastModified: new Date(mail.lastModified).toISOString(),
    size: stored.raw.length,
    encryption: stored.encryption,
    ...email,
  };
}
