import { topicRegion } from "../sns/snsMessage";

/** `value` when it is an SNS topic ARN; otherwise an error naming the input. */
export function checkTopicArn(label: string, value: string): string {
  if (!topicRegion(value)) {
    throw new Error(
      `${label} "${value.slice(0, 120)}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>).`,
    );
  }
  return value;
}
