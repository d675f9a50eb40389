import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { adviseOnError } from "./aws/errors";
import { connections } from "./connections";
import { dataSources } from "./dataSources";

export default component({
  key: "aws-ses-connector",
  public: false,
  display: {
    label: "Amazon SES",
    description:
      "Amazon Simple Email Service (SES): send plain, templated, bulk and raw email with attachments; manage templates, identities, the suppression list and account status.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  connections,
  actions,
  dataSources,
  hooks: { error: adviseOnError },
});
