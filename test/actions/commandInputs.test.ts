import { SESClient } from "@aws-sdk/client-ses";
import {
  DeleteConfigurationSetCommand,
  DeleteConfigurationSetEventDestinationCommand,
  DeleteContactCommand,
  DeleteContactListCommand,
  DeleteCustomVerificationEmailTemplateCommand,
  DeleteEmailIdentityPolicyCommand,
  GetConfigurationSetEventDestinationsCommand,
  GetContactListCommand,
  GetCustomVerificationEmailTemplateCommand,
  ListContactListsCommand,
  ListCustomVerificationEmailTemplatesCommand,
  SESv2Client,
  UpdateContactCommand,
  UpdateContactListCommand,
  UpdateCustomVerificationEmailTemplateCommand,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { accessKey, harness } from "../helpers/component";

const sesv2 = mockClient(SESv2Client);
mockClient(SESClient).onAnyCommand().resolves({});
beforeEach(() => {
  sesv2.reset();
  sesv2.onAnyCommand().resolves({});
});

// biome-ignore lint/suspicious/noExplicitAny: each row names its own command class
type Row = [string, Record<string, unknown>, any, Record<string, unknown>];

/** For each action: its inputs, and the one SES command it must send, with exactly this input. */
const ROWS: Row[] = [
  [
    "deleteEmailIdentityPolicy",
    { identity: "example.com", policyName: "partner" },
    DeleteEmailIdentityPolicyCommand,
    { EmailIdentity: "example.com", PolicyName: "partner" },
  ],
  [
    "getCustomVerificationEmailTemplate",
    { templateName: "welcome" },
    GetCustomVerificationEmailTemplateCommand,
    { TemplateName: "welcome" },
  ],
  [
    "updateCustomVerificationEmailTemplate",
    {
      templateName: "welcome",
      from: "a@example.com",
      subject: "S",
      htmlContent: "<p>x</p>",
      successUrl: "https://e.example/ok",
      failureUrl: "https://e.example/no",
    },
    UpdateCustomVerificationEmailTemplateCommand,
    {
      TemplateName: "welcome",
      FromEmailAddress: "a@example.com",
      TemplateSubject: "S",
      TemplateContent: "<p>x</p>",
      SuccessRedirectionURL: "https://e.example/ok",
      FailureRedirectionURL: "https://e.example/no",
    },
  ],
  [
    "deleteCustomVerificationEmailTemplate",
    { templateName: "welcome" },
    DeleteCustomVerificationEmailTemplateCommand,
    { TemplateName: "welcome" },
  ],
  [
    "listCustomVerificationEmailTemplates",
    { pageSize: "20", nextToken: "t" },
    ListCustomVerificationEmailTemplatesCommand,
    { PageSize: 20, NextToken: "t" },
  ],
  [
    "getContactList",
    { contactList: "newsletter" },
    GetContactListCommand,
    { ContactListName: "newsletter" },
  ],
  [
    "updateContactList",
    {
      contactList: "newsletter",
      description: "",
      topics: '[{"name": "offers", "displayName": "Offers", "defaultSubscription": "opt_out"}]',
    },
    UpdateContactListCommand,
    {
      ContactListName: "newsletter",
      Description: undefined,
      Topics: [
        {
          TopicName: "offers",
          DisplayName: "Offers",
          Description: undefined,
          DefaultSubscriptionStatus: "OPT_OUT",
        },
      ],
    },
  ],
  [
    "deleteContactList",
    { contactList: "newsletter" },
    DeleteContactListCommand,
    { ContactListName: "newsletter" },
  ],
  [
    "listContactLists",
    { pageSize: "5" },
    ListContactListsCommand,
    { PageSize: 5, NextToken: undefined },
  ],
  [
    "updateContact",
    {
      contactList: "newsletter",
      emailAddress: "jane@example.org",
      topicPreferences: [],
      unsubscribeAll: "true",
    },
    UpdateContactCommand,
    {
      ContactListName: "newsletter",
      EmailAddress: "jane@example.org",
      TopicPreferences: undefined,
      UnsubscribeAll: true,
      AttributesData: undefined,
    },
  ],
  [
    "deleteContact",
    { contactList: "newsletter", emailAddress: "jane@example.org" },
    DeleteContactCommand,
    { ContactListName: "newsletter", EmailAddress: "jane@example.org" },
  ],
  [
    "deleteConfigurationSet",
    { configurationSet: "transactional" },
    DeleteConfigurationSetCommand,
    { ConfigurationSetName: "transactional" },
  ],
  [
    "listEventDestinations",
    { configurationSet: "transactional" },
    GetConfigurationSetEventDestinationsCommand,
    { ConfigurationSetName: "transactional" },
  ],
  [
    "deleteEventDestination",
    { configurationSet: "transactional", eventDestination: "to-prismatic" },
    DeleteConfigurationSetEventDestinationCommand,
    { ConfigurationSetName: "transactional", EventDestinationName: "to-prismatic" },
  ],
];

describe("exact SES command input", () => {
  it.each(ROWS)("%s", async (key, params, command, expected) => {
    await harness.action(key, { connection: accessKey, region: "us-east-1", ...params });
    expect(sesv2.calls()).toHaveLength(1);
    expect(sesv2.commandCalls(command).map((call) => call.args[0].input)).toEqual([expected]);
  });
});
