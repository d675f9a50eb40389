import { getAccount } from "./account/getAccount";
import { listConfigurationSets } from "./configurationSets/listConfigurationSets";
import { createEmailIdentity } from "./identities/createEmailIdentity";
import { deleteEmailIdentity } from "./identities/deleteEmailIdentity";
import { getEmailIdentity } from "./identities/getEmailIdentity";
import { listIdentities } from "./identities/listIdentities";
import { deleteReceivedEmail } from "./inbound/deleteReceivedEmail";
import { fetchReceivedEmail } from "./inbound/fetchReceivedEmail";
import { listReceivedEmails } from "./inbound/listReceivedEmails";
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
  // Suppression list
  putSuppressedDestination,
  getSuppressedDestination,
  listSuppressedDestinations,
  deleteSuppressedDestination,
  // Received mail (stored in S3 by a receipt rule)
  fetchReceivedEmail,
  listReceivedEmails,
  deleteReceivedEmail,
  // Account and configuration
  getAccount,
  listConfigurationSets,
};
