import { configPage, configVar, connectionConfigVar } from "@prismatic-io/spectral";

export const configPages = {
  "Amazon SES": configPage({
    elements: {
      "AWS Connection": connectionConfigVar({
        stableKey: "aws-ses-connection",
        dataType: "connection",
        connection: {
          component: "awsSes",
          key: "awsAssumeRole",
          values: {
            accessKeyId: { value: "" },
            secretAccessKey: { value: "" },
            roleARN: { value: "" },
            externalId: { value: "" },
          },
        },
      }),
      "Operations Address": configVar({
        stableKey: "operations-address",
        dataType: "string",
        description: "Where purchase orders are forwarded.",
        defaultValue: "ops@example.com",
      }),
    },
  }),
};

// Types context.configVars by these pages' element names.
declare module "@prismatic-io/spectral" {
  interface IntegrationDefinitionConfigPages {
    "Amazon SES": (typeof configPages)["Amazon SES"];
  }
}
