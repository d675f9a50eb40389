import { integration } from "@prismatic-io/spectral";
import { componentRegistry } from "./componentRegistry";
import { configPages } from "./configPages";
import { forwardPurchaseOrders } from "./flows";
import { sendNewsletter } from "./newsletter";

/** A code-native integration that uses the Amazon SES component through its manifest. */
export default integration({
  name: "SES purchase orders",
  description:
    "Forwards purchase orders received through Amazon SES to operations, and sends the newsletter to every subscriber.",
  iconPath: "icon.png",
  flows: [forwardPurchaseOrders, sendNewsletter],
  configPages,
  componentRegistry,
});
