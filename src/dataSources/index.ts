import { selectConfigurationSet } from "./selectConfigurationSet";
import { selectIdentity } from "./selectIdentity";
import { selectTemplate } from "./selectTemplate";

export const dataSources = { selectIdentity, selectTemplate, selectConfigurationSet };
