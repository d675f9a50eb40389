import { connection } from "@prismatic-io/spectral";

/** Long-lived IAM user keys. Key matches Prismatic's official SES component, so configs carry over. */
export const accessKeyConnection = connection({
  key: "apiKeySecret",
  display: {
    label: "AWS Access Key and Secret",
    description:
      "Authenticate with the access key ID and secret access key of an IAM user whose policy allows the SES actions you use (see each action's documentation for its IAM permission).",
  },
  inputs: {
    accessKeyId: {
      label: "Access Key ID",
      type: "string",
      required: true,
      shown: true,
      placeholder: "AKIA...",
      comments: "The IAM user's access key ID. Pasted spaces and line breaks are trimmed.",
      example: "AKIAIOSFODNN7EXAMPLE",
    },
    secretAccessKey: {
      label: "Secret Access Key",
      type: "password",
      required: true,
      shown: true,
      comments: "The secret paired with the access key ID. It is never logged or returned.",
    },
  },
});
