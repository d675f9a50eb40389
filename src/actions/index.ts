import { getAccount } from "./account/getAccount";
import { putAccountSuppression } from "./account/putAccountSuppression";
import { callSesOperation } from "./anyOperation/callSesOperation";
import { createConfigurationSet } from "./configurationSets/createConfigurationSet";
import { createEventDestination } from "./configurationSets/createEventDestination";
import { deleteConfigurationSet } from "./configurationSets/deleteConfigurationSet";
import { deleteEventDestination } from "./configurationSets/deleteEventDestination";
import { getConfigurationSet } from "./configurationSets/getConfigurationSet";
import { listConfigurationSets } from "./configurationSets/listConfigurationSets";
import { listEventDestinations } from "./configurationSets/listEventDestinations";
import { putConfigurationSetDelivery } from "./configurationSets/putConfigurationSetDelivery";
import { putConfigurationSetReputation } from "./configurationSets/putConfigurationSetReputation";
import { putConfigurationSetSending } from "./configurationSets/putConfigurationSetSending";
import { putConfigurationSetSuppression } from "./configurationSets/putConfigurationSetSuppression";
import { putConfigurationSetTracking } from "./configurationSets/putConfigurationSetTracking";
import { updateEventDestination } from "./configurationSets/updateEventDestination";
import { createContact } from "./contacts/createContact";
import { createContactList } from "./contacts/createContactList";
import { deleteContact } from "./contacts/deleteContact";
import { deleteContactList } from "./contacts/deleteContactList";
import { getContact } from "./contacts/getContact";
import { getContactList } from "./contacts/getContactList";
import { listContactLists } from "./contacts/listContactLists";
import { listContacts } from "./contacts/listContacts";
import { updateContact } from "./contacts/updateContact";
import { updateContactList } from "./contacts/updateContactList";
import { createEmailIdentity } from "./identities/createEmailIdentity";
import { deleteEmailIdentity } from "./identities/deleteEmailIdentity";
import { deleteEmailIdentityPolicy } from "./identities/deleteEmailIdentityPolicy";
import { getEmailIdentity } from "./identities/getEmailIdentity";
import { getEmailIdentityPolicies } from "./identities/getEmailIdentityPolicies";
import { getIdentityNotifications } from "./identities/getIdentityNotifications";
import { listIdentities } from "./identities/listIdentities";
import { putEmailIdentityConfigurationSet } from "./identities/putEmailIdentityConfigurationSet";
import { putEmailIdentityDkimKeys } from "./identities/putEmailIdentityDkimKeys";
import { putEmailIdentityDkimSigning } from "./identities/putEmailIdentityDkimSigning";
import { putEmailIdentityFeedback } from "./identities/putEmailIdentityFeedback";
import { putEmailIdentityMailFrom } from "./identities/putEmailIdentityMailFrom";
import { putEmailIdentityPolicy } from "./identities/putEmailIdentityPolicy";
import { setIdentityNotificationHeaders } from "./identities/setIdentityNotificationHeaders";
import { setIdentityNotificationTopic } from "./identities/setIdentityNotificationTopic";
import { deleteReceivedEmail } from "./inbound/deleteReceivedEmail";
import { fetchReceivedEmail } from "./inbound/fetchReceivedEmail";
import { listReceivedEmails } from "./inbound/listReceivedEmails";
import { acknowledgeSesEvents } from "./queue/acknowledgeSesEvents";
import { redriveDeadLetterQueue } from "./queue/redriveDeadLetterQueue";
import { cloneReceiptRuleSet } from "./receiptRules/cloneReceiptRuleSet";
import { createReceiptFilter } from "./receiptRules/createReceiptFilter";
import { createReceiptRule } from "./receiptRules/createReceiptRule";
import { createReceiptRuleSet } from "./receiptRules/createReceiptRuleSet";
import { deleteReceiptFilter } from "./receiptRules/deleteReceiptFilter";
import { deleteReceiptRule } from "./receiptRules/deleteReceiptRule";
import { deleteReceiptRuleSet } from "./receiptRules/deleteReceiptRuleSet";
import { describeActiveReceiptRuleSet } from "./receiptRules/describeActiveReceiptRuleSet";
import { describeReceiptRule } from "./receiptRules/describeReceiptRule";
import { describeReceiptRuleSet } from "./receiptRules/describeReceiptRuleSet";
import { listReceiptFilters } from "./receiptRules/listReceiptFilters";
import { listReceiptRuleSets } from "./receiptRules/listReceiptRuleSets";
import { reorderReceiptRules } from "./receiptRules/reorderReceiptRules";
import { sendBounce } from "./receiptRules/sendBounce";
import { setActiveReceiptRuleSet } from "./receiptRules/setActiveReceiptRuleSet";
import { updateReceiptRule } from "./receiptRules/updateReceiptRule";
import { sendBulkTemplatedEmail } from "./sending/sendBulkTemplatedEmail";
import { sendEmail } from "./sending/sendEmail";
import { sendRawEmail } from "./sending/sendRawEmail";
import { sendTemplatedEmail } from "./sending/sendTemplatedEmail";
import { deleteSuppressedDestination } from "./suppression/deleteSuppressedDestination";
import { getSuppressedDestination } from "./suppression/getSuppressedDestination";
import { listSuppressedDestinations } from "./suppression/listSuppressedDestinations";
import { putSuppressedDestination } from "./suppression/putSuppressedDestination";
import { createTemplate } from "./templates/createTemplate";
import { deleteTemplate } from "./templates/deleteTemplate";
import { getTemplate } from "./templates/getTemplate";
import { listTemplates } from "./templates/listTemplates";
import { testRenderTemplate } from "./templates/testRenderTemplate";
import { updateTemplate } from "./templates/updateTemplate";
import { createTenant } from "./tenants/createTenant";
import { deleteTenant } from "./tenants/deleteTenant";
import { getTenantAction } from "./tenants/getTenant";
import { listResourceTenants, listTenantResources } from "./tenants/listTenantResources";
import { listTenants } from "./tenants/listTenants";
import { onboardTenant } from "./tenants/onboardTenant";
import {
  setTenantReputationPolicy,
  setTenantSendingStatus,
  setTenantSuppression,
} from "./tenants/tenantReputation";
import { associateTenantResource, removeTenantResource } from "./tenants/tenantResourceAssociation";
import { createCustomVerificationEmailTemplate } from "./verification/createCustomVerificationEmailTemplate";
import { deleteCustomVerificationEmailTemplate } from "./verification/deleteCustomVerificationEmailTemplate";
import { getCustomVerificationEmailTemplate } from "./verification/getCustomVerificationEmailTemplate";
import { listCustomVerificationEmailTemplates } from "./verification/listCustomVerificationEmailTemplates";
import { sendCustomVerificationEmail } from "./verification/sendCustomVerificationEmail";
import { updateCustomVerificationEmailTemplate } from "./verification/updateCustomVerificationEmailTemplate";

export const actions = {
  // Sending
  sendEmail,
  sendTemplatedEmail,
  sendBulkTemplatedEmail,
  sendRawEmail,
  // Templates
  createTemplate,
  getTemplate,
  updateTemplate,
  deleteTemplate,
  listTemplates,
  testRenderTemplate,
  // Identities
  listIdentities,
  createEmailIdentity,
  getEmailIdentity,
  deleteEmailIdentity,
  getEmailIdentityPolicies,
  putEmailIdentityPolicy,
  deleteEmailIdentityPolicy,
  putEmailIdentityMailFrom,
  putEmailIdentityDkimSigning,
  putEmailIdentityDkimKeys,
  putEmailIdentityFeedback,
  putEmailIdentityConfigurationSet,
  getIdentityNotifications,
  setIdentityNotificationTopic,
  setIdentityNotificationHeaders,
  // Custom verification emails
  createCustomVerificationEmailTemplate,
  getCustomVerificationEmailTemplate,
  updateCustomVerificationEmailTemplate,
  deleteCustomVerificationEmailTemplate,
  listCustomVerificationEmailTemplates,
  sendCustomVerificationEmail,
  // Suppression list
  putSuppressedDestination,
  getSuppressedDestination,
  listSuppressedDestinations,
  deleteSuppressedDestination,
  // Contact lists (list management)
  createContactList,
  getContactList,
  updateContactList,
  deleteContactList,
  listContactLists,
  createContact,
  getContact,
  updateContact,
  deleteContact,
  listContacts,
  // Received mail (stored in S3 by a receipt rule)
  fetchReceivedEmail,
  listReceivedEmails,
  deleteReceivedEmail,
  // SES events from an SQS queue (with the SES Events From SQS trigger)
  acknowledgeSesEvents,
  redriveDeadLetterQueue,
  // Receipt rules (inbound set-up, SES v1)
  listReceiptRuleSets,
  describeActiveReceiptRuleSet,
  createReceiptRule,
  createReceiptRuleSet,
  deleteReceiptRuleSet,
  describeReceiptRuleSet,
  cloneReceiptRuleSet,
  setActiveReceiptRuleSet,
  describeReceiptRule,
  updateReceiptRule,
  deleteReceiptRule,
  reorderReceiptRules,
  listReceiptFilters,
  createReceiptFilter,
  deleteReceiptFilter,
  sendBounce,
  // Account and configuration
  getAccount,
  listConfigurationSets,
  createConfigurationSet,
  deleteConfigurationSet,
  createEventDestination,
  listEventDestinations,
  deleteEventDestination,
  getConfigurationSet,
  putConfigurationSetSending,
  putConfigurationSetTracking,
  putConfigurationSetDelivery,
  putConfigurationSetReputation,
  putConfigurationSetSuppression,
  updateEventDestination,
  putAccountSuppression,
  // Tenants (one per customer: reputation and pauses isolated)
  onboardTenant,
  createTenant,
  getTenant: getTenantAction,
  listTenants,
  deleteTenant,
  associateTenantResource,
  removeTenantResource,
  listTenantResources,
  listResourceTenants,
  setTenantSuppression,
  setTenantReputationPolicy,
  setTenantSendingStatus,
  // Any other SES operation, by name
  callSesOperation,
};
