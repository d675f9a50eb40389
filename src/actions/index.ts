import { listIdentities } from "./identities/listIdentities";
import { sendEmail } from "./sending/sendEmail";

export const actions = { listIdentities, sendEmail };
