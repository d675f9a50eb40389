/** The access key inputs both connections start from; each connection words its own help. */
export function accessKeyInputs(whose: string) {
  return {
    accessKeyId: {
      label: "Access Key ID",
      type: "string",
      required: true,
      shown: true,
      placeholder: "AKIA...",
      comments: `Access key ID of ${whose}. Pasted spaces and line breaks are trimmed.`,
      example: "AKIAIOSFODNN7EXAMPLE",
    },
    secretAccessKey: {
      label: "Secret Access Key",
      type: "password",
      required: true,
      shown: true,
      comments: `Secret access key of ${whose}. Never logged, returned or included in errors.`,
    },
  } as const;
}
