import { accessKeyConnection } from "./accessKey";
import { assumeRoleConnection } from "./assumeRole";

export { accessKeyConnection, assumeRoleConnection };
export const connections = [accessKeyConnection, assumeRoleConnection];
