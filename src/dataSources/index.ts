import { selectConfigurationSet } from "./selectConfigurationSet";
import { selectContactList } from "./selectContactList";
import { selectContactListTopic } from "./selectContactListTopic";
import { selectCustomVerificationTemplate } from "./selectCustomVerificationTemplate";
import { selectIdentity } from "./selectIdentity";
import { selectQueue } from "./selectQueue";
import { selectReceiptRuleSet } from "./selectReceiptRuleSet";
import { selectTemplate } from "./selectTemplate";

export const dataSources = {
  selectIdentity,
  selectTemplate,
  selectConfigurationSet,
  selectContactList,
  selectContactListTopic,
  selectCustomVerificationTemplate,
  selectReceiptRuleSet,
  selectQueue,
};
