import { connection } from "@prismatic-io/spectral";
import { accessKeyInputs } from "./keyInputs";

/**
 * Cross-account access: the given keys call STS AssumeRole and every action runs with the
 * role's temporary credentials (cached until shortly before they expire).
 */
export const assumeRoleConnection = connection({
  key: "awsAssumeRole",
  display: {
    label: "AWS Role ARN",
    description:
      "Assume an IAM role (STS AssumeRole) in the account that owns the SES resources. The access key below belongs to the calling principal, which needs sts:AssumeRole on the role; the role's trust policy must allow that principal and, if set, require the External ID.",
  },
  inputs: {
    ...accessKeyInputs("the principal that assumes the role (it needs sts:AssumeRole)"),
    roleARN: {
      label: "Role ARN",
      type: "string",
      required: true,
      shown: true,
      comments: "ARN of the IAM role to assume.",
      example: "arn:aws:iam::123456789012:role/PrismaticSesAccess",
    },
    externalId: {
      label: "External ID",
      type: "string",
      required: false,
      shown: true,
      comments:
        "Optional, but recommended when the role belongs to another account (your customer's): the role's trust policy then requires sts:ExternalId to equal this value, which prevents the confused-deputy problem. 2 to 1224 characters: letters, digits and +=,.@:/-_",
      example: "prismatic-7f3c2a",
    },
    sessionName: {
      label: "Session Name",
      type: "string",
      required: false,
      shown: true,
      default: "prismatic-ses",
      comments:
        "Role session name, shown in CloudTrail. 2 to 64 characters: letters, digits and +=,.@-_",
    },
    durationSeconds: {
      label: "Session Duration (seconds)",
      type: "string",
      required: false,
      shown: true,
      default: "3600",
      comments:
        "How long the temporary credentials last, 900 to 43200 seconds; values above 3600 need a matching maximum session duration on the role. Credentials are reused across actions and renewed 5 minutes before they expire.",
    },
  },
});
