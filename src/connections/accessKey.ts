import { connection } from "@prismatic-io/spectral";
import { accessKeyInputs } from "./keyInputs";

/** Long-lived IAM user keys. Key matches Prismatic's official SES component, so configs carry over. */
export const accessKeyConnection = connection({
  key: "apiKeySecret",
  display: {
    label: "AWS Access Key and Secret",
    description:
      "Authenticate with the access key ID and secret access key of an IAM user whose policy allows the SES actions you use (see each action's documentation for its IAM permission).",
  },
  inputs: {
    ...accessKeyInputs("the IAM user"),
    sessionToken: {
      label: "Session Token",
      type: "password",
      required: false,
      shown: true,
      comments:
        "Only for temporary credentials (an ASIA... key from STS or IAM Identity Center): the session token that goes with them. They stop working when they expire; use the AWS Role ARN connection for credentials that renew themselves.",
    },
  },
});
