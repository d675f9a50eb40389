import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { adviseOnError } from "./aws/errors";
import { connections } from "./connections";
import { dataSources } from "./dataSources";

// For the generated documentation only (scripts/docs.js): the event of each SES event type.
export { eventExamples } from "./sesEvents/examples";

import { triggers } from "./triggers";

export default component({
  key: "aws-ses-connector",
  public: false,
  display: {
    label: "Amazon SES",
    description:
      "Amazon Simple Email Service (SES): send plain, templated, bulk and raw email with attachments; manage templates, identities, the suppression list and account status; receive mail and SNS bounce, complaint and delivery notifications, signature-verified.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  connections,
  actions,
  dataSources,
  triggers,
  hooks: { error: adviseOnError },
});
