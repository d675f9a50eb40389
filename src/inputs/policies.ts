import { input } from "@prismatic-io/spectral";
import { checkSesName } from "../values/sesName";
import { cleanOptional, cleanString } from "./clean";

export const policyNameInput = input({
  label: "Policy Name",
  type: "string",
  required: true,
  comments:
    "The sending authorization policy's name: letters, digits, _ and -, at most 64 characters.",
  example: "allow-partner-sending",
  clean: (value: unknown) => checkSesName("Policy Name", cleanString(value), "policy"),
});

export const optionalPolicyNameInput = input({
  label: "Policy Name",
  type: "string",
  required: false,
  comments: "Only this policy; empty for all of the identity's policies.",
  clean: cleanOptional((text) => checkSesName("Policy Name", text, "policy")),
});

export const policyDocumentInput = input({
  label: "Policy",
  type: "code",
  language: "json",
  required: true,
  comments:
    "The sending authorization policy: a JSON IAM-style policy whose statements allow other accounts ses:SendEmail / ses:SendRawEmail on this identity. At most 4 KB.",
  example:
    '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "AllowPartner",\n    "Effect": "Allow",\n    "Principal": {"AWS": "arn:aws:iam::444455556666:root"},\n    "Action": ["ses:SendEmail", "ses:SendRawEmail"],\n    "Resource": "arn:aws:ses:us-east-1:111122223333:identity/example.com"\n  }]\n}',
  clean: (value: unknown): string => {
    const text =
      typeof value === "object" && value !== null ? JSON.stringify(value) : cleanString(value);
    let policy: { Statement?: unknown };
    try {
      policy = JSON.parse(text);
    } catch (error) {
      throw new Error(`Policy is not valid JSON: ${(error as Error).message}`);
    }
    if (
      !policy ||
      typeof policy !== "object" ||
      !Array.isArray(policy.Statement) ||
      policy.Statement.length === 0
    ) {
      throw new Error('Policy must be a JSON policy document with a non-empty "Statement" list.');
    }
    if (Buffer.byteLength(text) > 4096)
      throw new Error("Policy is over SES's 4 KB limit for a sending authorization policy.");
    return text;
  },
});
