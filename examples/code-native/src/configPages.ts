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
      "Inbound Topic ARN": configVar({
        stableKey: "inbound-topic-arn",
        dataType: "string",
        description:
          "The SNS topic your receipt rule notifies (arn:aws:sns:<region>:<account>:<name>): the Received Email trigger accepts only its messages.",
        defaultValue: "arn:aws:sns:us-east-1:111122223333:ses-inbound",
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
