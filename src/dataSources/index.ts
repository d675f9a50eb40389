import { selectConfigurationSet } from "./selectConfigurationSet";
import { selectContactList } from "./selectContactList";
import { selectContactListTopic } from "./selectContactListTopic";
import { selectCustomVerificationTemplate } from "./selectCustomVerificationTemplate";
import { selectDedicatedIpPool } from "./selectDedicatedIpPool";
import { selectIdentity } from "./selectIdentity";
import { selectQueue } from "./selectQueue";
import { selectReceiptFilter } from "./selectReceiptFilter";
import { selectReceiptRuleSet } from "./selectReceiptRuleSet";
import { selectTemplate } from "./selectTemplate";
import { selectTenant } from "./selectTenant";

export const dataSources = {
  selectIdentity,
  selectTemplate,
  selectConfigurationSet,
  selectContactList,
  selectContactListTopic,
  selectCustomVerificationTemplate,
  selectReceiptRuleSet,
  selectQueue,
  selectDedicatedIpPool,
  selectReceiptFilter,
  selectTenant,
};
