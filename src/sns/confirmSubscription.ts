import type { SnsMessage } from "./snsMessage";
import { assertTrustedSubscribeUrl } from "./trustedUrls";
import { visitOverHttps } from "./visitUrl";

/**
 * Confirms a subscription by visiting its SubscribeURL. Call only with a verified message: the
 * URL must also be SNS's own host for the topic's region, or it is not visited.
 */
export async function confirmSubscription(message: SnsMessage): Promise<void> {
  const url = assertTrustedSubscribeUrl(message.SubscribeURL ?? "", message.TopicArn);
  const status = await visitOverHttps(url);
  if (status !== 200) {
    throw new Error(
      `Confirming the SNS subscription to ${message.TopicArn} failed: SNS answered HTTP ${status}.`,
    );
  }
}
