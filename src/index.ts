import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { adviseOnError } from "./aws/errors";
import { connections } from "./connections";

export default component({
  key: "aws-ses-connector",
  public: false,
  display: {
    label: "Amazon SES",
    description:
      "Send email through Amazon Simple Email Service (SES): attachments, inline images, configuration sets and tags, with access-key or assume-role connections.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  connections,
  actions,
  hooks: { error: adviseOnError },
});
