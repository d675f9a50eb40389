import { action, input } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { cleanOptional, cleanStringList } from "../../inputs/clean";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import { identityInput, parseIdentity } from "../../inputs/emailIdentity";
import {
  sendingTenantInputs,
  suppressionScopeInput,
  tenantSuppressedReasonsInput,
  tenantTagsInput,
} from "../../inputs/tenants";
import { REPUTATION_POLICIES, type ReputationPolicy, resourceArn } from "../../values/sesArn";
import { checkSesName } from "../../values/sesName";
import { outputSchemaFrom } from "../outputSchema";
import { sendingTenant } from "../sending/sendingTenant";
import { getTenant, setReputationPolicy, tenantSuppression } from "./tenantOutput";

const examplePayload = {
  data: {
    tenantName: "acme-corp",
    tenantArn:
      "arn:aws:ses:us-east-1:111122223333:tenant/acme-corp/tn-2a8c678ec0000fdaf76cc1f127b40",
    created: true,
    associated: [
      "arn:aws:ses:us-east-1:111122223333:identity/acme.example.com",
      "arn:aws:ses:us-east-1:111122223333:configuration-set/transactional",
    ],
    alreadyAssociated: [] as string[],
    reputationPolicy: "arn:aws:ses:us-east-1:aws:reputation-policy/standard" as string | null,
  },
};

const isNotFound = (error: unknown) => (error as { name?: string })?.name === "NotFoundException";
const isAlreadyThere = (error: unknown) =>
  (error as { name?: string })?.name === "AlreadyExistsException";

export const onboardTenant = action({
  display: {
    label: "Onboard Tenant",
    description:
      "Make an SES tenant ready for a customer in one step, safe to repeat (for an instance's deploy flow): create the tenant if it does not exist, associate the sender identity, the configuration set and any templates that are not yet associated, and set its reputation policy. Reports what it did.",
  },
  inputs: {
    connection: connectionInput,
    region: regionInput,
    ...sendingTenantInputs,
    identity: {
      ...identityInput,
      label: "Sender Identity",
      comments: "The verified domain or address the customer's mail is sent from.",
      clean: (value: unknown) => parseIdentity("Sender Identity", value),
    },
    configurationSet: input({
      label: "Configuration Set",
      type: "string",
      required: false,
      dataSource: "selectConfigurationSet",
      comments:
        "The configuration set the customer's sends use (SES needs one associated with a tenant to send).",
      example: "transactional",
      clean: cleanOptional((text) => checkSesName("Configuration Set", text, "configuration set")),
    }),
    templates: input({
      label: "Templates",
      type: "string",
      collection: "valuelist",
      required: false,
      comments: "Templates the customer's sends use.",
      clean: (value: unknown) =>
        cleanStringList(value).map((name) => checkSesName("Templates", name, "template")),
    }),
    reputationPolicy: input({
      label: "Reputation Policy",
      type: "string",
      required: false,
      model: [
        { label: "Leave as it is", value: "" },
        ...REPUTATION_POLICIES.map((policy) => ({ label: policy, value: policy })),
      ],
      comments:
        "standard (pause on high-severity issues), strict (on any) or none; empty leaves it.",
      clean: cleanOptional((text) => {
        if (!(REPUTATION_POLICIES as readonly string[]).includes(text)) {
          throw new Error(
            `Reputation Policy must be standard, strict or none, not "${text.slice(0, 40)}".`,
          );
        }
        return text as ReputationPolicy;
      }),
    }),
    tags: {
      ...tenantTagsInput,
      comments: `When the tenant is created: ${tenantTagsInput.comments}`,
    },
    suppressionScope: suppressionScopeInput,
    suppressedReasons: tenantSuppressedReasonsInput,
    endpoint: endpointInput,
  },
  performSafety: "notAllowed",
  perform: async (context, params) => {
    const {
      CreateTenantCommand,
      CreateTenantResourceAssociationCommand,
      paginateListTenantResources,
    } = await import("@aws-sdk/client-sesv2");
    const tenantName = sendingTenant(context, params);
    if (!tenantName) {
      throw new Error(
        "Onboard Tenant needs a tenant: set Tenant Name, or turn on Tenant From Customer.",
      );
    }
    const client = await createSesV2Client(clientSettings(params));
    let created = false;
    let found = await getTenant(client, tenantName).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!found) {
      try {
        await client.send(
          new CreateTenantCommand({
            TenantName: tenantName,
            Tags: params.tags.length ? params.tags : undefined,
            SuppressionAttributes: tenantSuppression(params),
          }),
        );
        created = true;
      } catch (error) {
        // Another deploy created it meanwhile: the same outcome.
        if (!isAlreadyThere(error)) throw error;
      }
      found = await getTenant(client, tenantName);
      context.logger.info(`Onboard Tenant: ${created ? "created" : "found"} tenant ${tenantName}.`);
    }
    const { tenant, parts } = found;
    const present = new Set<string>();
    for await (const page of paginateListTenantResources(
      { client, pageSize: 100 },
      { TenantName: tenantName },
    )) {
      for (const resource of page.TenantResources ?? []) present.add(resource.ResourceArn ?? "");
    }
    const wanted = [
      resourceArn(parts, "identity", params.identity),
      ...(params.configurationSet
        ? [resourceArn(parts, "configuration-set", params.configurationSet)]
        : []),
      ...params.templates.map((name) => resourceArn(parts, "template", name)),
    ];
    const associated: string[] = [];
    const alreadyAssociated: string[] = [];
    for (const arn of wanted) {
      if (present.has(arn)) {
        alreadyAssociated.push(arn);
        continue;
      }
      try {
        await client.send(
          new CreateTenantResourceAssociationCommand({ TenantName: tenantName, ResourceArn: arn }),
        );
        associated.push(arn);
      } catch (error) {
        if (!isAlreadyThere(error)) throw error;
        alreadyAssociated.push(arn);
      }
    }
    const policyArn = params.reputationPolicy
      ? await setReputationPolicy(client, found, params.reputationPolicy)
      : null;
    context.logger.info(
      `Onboard Tenant ${tenantName}: ${created ? "created; " : ""}${associated.length} resource(s) associated, ${alreadyAssociated.length} already were${policyArn ? `; reputation policy ${params.reputationPolicy}` : ""}.`,
    );
    return {
      data: {
        tenantName,
        tenantArn: tenant?.TenantArn ?? "",
        created,
        associated,
        alreadyAssociated,
        reputationPolicy: policyArn,
      },
    };
  },
  examplePayload,
  outputSchema: outputSchemaFrom(examplePayload.data),
});
