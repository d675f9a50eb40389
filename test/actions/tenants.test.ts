import {
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteTenantCommand,
  DeleteTenantResourceAssociationCommand,
  GetReputationEntityCommand,
  GetTenantCommand,
  ListResourceTenantsCommand,
  ListTenantResourcesCommand,
  ListTenantsCommand,
  PutTenantSuppressionAttributesCommand,
  SESv2Client,
  SendEmailCommand,
  UpdateReputationEntityCustomerManagedStatusCommand,
  UpdateReputationEntityPolicyCommand,
} from "@aws-sdk/client-sesv2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { tenantNameForCustomer } from "../../src/values/tenantName";
import { accessKey, dataOf, EMPTY_SEND_LISTS, harness, inputsOf } from "../helpers/component";

// Issue 30: SES tenants, one per customer. Exact requests, against recorded response shapes.
const ses = mockClient(SESv2Client);
const sts = mockClient(STSClient);
const base = { connection: accessKey, region: "us-east-1" };
const arnOf = (name: string, partition = "aws", region = "us-east-1") =>
  `arn:${partition}:ses:${region}:111122223333:tenant/${name}/tn-0123456789abcdef`;
const tenant = (name: string, partition?: string, region?: string) => ({
  TenantName: name,
  TenantId: "tn-0123456789abcdef",
  TenantArn: arnOf(name, partition, region),
  CreatedTimestamp: new Date("2026-12-04T10:00:00Z"),
  SendingStatus: "ENABLED" as const,
});
const notFound = (message: string) =>
  Object.assign(new Error(message), {
    name: "NotFoundException",
    $metadata: { httpStatusCode: 404 },
  });

beforeEach(() => {
  ses.reset();
  sts.reset();
  ses.onAnyCommand().resolves({});
});

/** SES with one tenant that exists (or none), its associated resources, as SES would answer. */
function sesWithTenants() {
  const tenants = new Map<string, { resources: Set<string> }>();
  ses.on(GetTenantCommand).callsFake(({ TenantName }) => {
    if (!tenants.has(TenantName)) throw notFound(`Tenant ${TenantName} does not exist.`);
    return { Tenant: tenant(TenantName) };
  });
  ses.on(CreateTenantCommand).callsFake(({ TenantName }) => {
    tenants.set(TenantName, { resources: new Set() });
    return tenant(TenantName);
  });
  ses.on(ListTenantResourcesCommand).callsFake(({ TenantName }) => ({
    TenantResources: [...(tenants.get(TenantName)?.resources ?? [])].map((arn) => ({
      ResourceArn: arn,
    })),
  }));
  ses.on(CreateTenantResourceAssociationCommand).callsFake(({ TenantName, ResourceArn }) => {
    tenants.get(TenantName)?.resources.add(ResourceArn);
    return {};
  });
  ses.on(SendEmailCommand).callsFake(({ TenantName }) => {
    if (TenantName && !tenants.has(TenantName))
      throw notFound(`Tenant ${TenantName} does not exist.`);
    return { MessageId: "m-1" };
  });
  return tenants;
}

const customer = (externalId: string) => ({ customer: { id: "c1", name: "Acme", externalId } });
const onboard = (params: Record<string, unknown>, context = {}) =>
  harness.action(
    "onboardTenant",
    {
      ...base,
      identity: "acme.example.com",
      configurationSet: "transactional",
      templates: ["invoice"],
      reputationPolicy: "standard",
      tags: [{ key: "customer", value: "acme" }],
      suppressionScope: "TENANT",
      suppressedReasons: ["BOUNCE", "COMPLAINT"],
      ...params,
    },
    context,
  );

describe("SES tenants", () => {
  it("onboards the instance's customer's tenant, then sends under it: associations before the first send", async () => {
    sesWithTenants();
    const context = customer("Acme Corp. (EU)");
    const expected = tenantNameForCustomer("Acme Corp. (EU)");
    const first = dataOf<Record<string, unknown>>(
      await onboard({ tenantFromCustomer: true }, context),
    );
    const resources = [
      "arn:aws:ses:us-east-1:111122223333:identity/acme.example.com",
      "arn:aws:ses:us-east-1:111122223333:configuration-set/transactional",
      "arn:aws:ses:us-east-1:111122223333:template/invoice",
    ];
    expect(first).toEqual({
      tenantName: expected,
      tenantArn: arnOf(expected),
      created: true,
      associated: resources,
      alreadyAssociated: [],
      reputationPolicy: "arn:aws:ses:us-east-1:aws:reputation-policy/standard",
    });
    expect(inputsOf(ses, CreateTenantCommand)).toEqual([
      {
        TenantName: expected,
        Tags: [{ Key: "customer", Value: "acme" }],
        SuppressionAttributes: {
          SuppressionScope: "TENANT",
          SuppressedReasons: ["BOUNCE", "COMPLAINT"],
        },
      },
    ]);
    expect(inputsOf(ses, CreateTenantResourceAssociationCommand)).toEqual(
      resources.map((arn) => ({ TenantName: expected, ResourceArn: arn })),
    );
    expect(inputsOf(ses, UpdateReputationEntityPolicyCommand)).toEqual([
      {
        ReputationEntityType: "RESOURCE",
        ReputationEntityReference: arnOf(expected),
        ReputationEntityPolicy: "arn:aws:ses:us-east-1:aws:reputation-policy/standard",
      },
    ]);

    await harness.action(
      "sendEmail",
      {
        ...base,
        ...EMPTY_SEND_LISTS,
        from: "billing@acme.example.com",
        to: ["jane@example.org"],
        subject: "S",
        textBody: "T",
        configurationSet: "transactional",
        tenantFromCustomer: true,
      },
      context,
    );
    const order = ses
      .calls()
      .map((call) => (call.args[0] as { constructor: { name: string } }).constructor.name);
    expect(order.indexOf("SendEmailCommand")).toBeGreaterThan(
      order.lastIndexOf("CreateTenantResourceAssociationCommand"),
    );
    expect(inputsOf(ses, SendEmailCommand)[0].TenantName).toBe(expected);

    // A re-deploy changes nothing and says so.
    const again = dataOf<Record<string, unknown>>(
      await onboard({ tenantFromCustomer: true }, context),
    );
    expect(again).toMatchObject({ created: false, associated: [], alreadyAssociated: resources });
    expect(inputsOf(ses, CreateTenantCommand)).toHaveLength(1);
    expect(inputsOf(ses, CreateTenantResourceAssociationCommand)).toHaveLength(3);
  });

  it("tells a send under a tenant that does not exist what to do", async () => {
    sesWithTenants();
    await expect(
      harness.action("sendEmail", {
        ...base,
        ...EMPTY_SEND_LISTS,
        from: "a@example.com",
        to: ["b@example.com"],
        subject: "S",
        textBody: "T",
        tenantName: "nobody",
      }),
    ).rejects.toThrow(/Run Onboard Tenant for this tenant/);
  });

  it("associates and removes resources by name, with the ARN in the tenant's partition, region and account", async () => {
    ses.on(GetTenantCommand).resolves({ Tenant: tenant("acme-corp", "aws-cn", "cn-north-1") });
    const params = {
      ...base,
      region: "cn-north-1",
      tenantName: "acme-corp",
      resourceType: "configuration-set",
      resourceName: "transactional",
    };
    expect(dataOf(await harness.action("associateTenantResource", params))).toEqual({
      tenantName: "acme-corp",
      resourceArn: "arn:aws-cn:ses:cn-north-1:111122223333:configuration-set/transactional",
      associated: true,
    });
    await harness.action("removeTenantResource", {
      ...params,
      resourceType: "template",
      resourceName: "invoice",
    });
    expect(inputsOf(ses, CreateTenantResourceAssociationCommand)).toEqual([
      {
        TenantName: "acme-corp",
        ResourceArn: "arn:aws-cn:ses:cn-north-1:111122223333:configuration-set/transactional",
      },
    ]);
    expect(inputsOf(ses, DeleteTenantResourceAssociationCommand)).toEqual([
      {
        TenantName: "acme-corp",
        ResourceArn: "arn:aws-cn:ses:cn-north-1:111122223333:template/invoice",
      },
    ]);
  });

  it("sets the reputation policy, the sending status and the suppression settings exactly", async () => {
    ses.on(GetTenantCommand).resolves({ Tenant: tenant("acme-corp") });
    await harness.action("setTenantReputationPolicy", {
      ...base,
      tenantName: "acme-corp",
      policy: "strict",
    });
    await harness.action("setTenantSendingStatus", {
      ...base,
      tenantName: "acme-corp",
      sendingStatus: "DISABLED",
    });
    await harness.action("setTenantSuppression", {
      ...base,
      tenantName: "acme-corp",
      suppressionScope: "TENANT",
      suppressedReasons: ["bounce"],
    });
    expect(inputsOf(ses, UpdateReputationEntityPolicyCommand)).toEqual([
      {
        ReputationEntityType: "RESOURCE",
        ReputationEntityReference: arnOf("acme-corp"),
        ReputationEntityPolicy: "arn:aws:ses:us-east-1:aws:reputation-policy/strict",
      },
    ]);
    expect(inputsOf(ses, UpdateReputationEntityCustomerManagedStatusCommand)).toEqual([
      {
        ReputationEntityType: "RESOURCE",
        ReputationEntityReference: arnOf("acme-corp"),
        SendingStatus: "DISABLED",
      },
    ]);
    expect(inputsOf(ses, PutTenantSuppressionAttributesCommand)).toEqual([
      { TenantName: "acme-corp", SuppressionScope: "TENANT", SuppressedReasons: ["BOUNCE"] },
    ]);
  });

  it("reads a tenant with its reputation, lists tenants by filter, and a resource's tenants", async () => {
    ses.on(GetTenantCommand).resolves({ Tenant: tenant("acme-corp") });
    ses.on(GetReputationEntityCommand).resolves({
      ReputationEntity: {
        ReputationManagementPolicy: "arn:aws:ses:us-east-1:aws:reputation-policy/standard",
        SendingStatusAggregate: "DISABLED",
        AwsSesManagedStatus: { Status: "DISABLED", Cause: "High bounce rate" },
      },
    });
    const got = dataOf<{ reputation: Record<string, unknown> }>(
      await harness.action("getTenant", { ...base, tenantName: "acme-corp" }),
    );
    expect(got.reputation).toMatchObject({
      sendingStatus: "DISABLED",
      sesManaged: { status: "DISABLED", cause: "High bounce rate" },
    });
    expect(inputsOf(ses, GetReputationEntityCommand)).toEqual([
      { ReputationEntityType: "RESOURCE", ReputationEntityReference: arnOf("acme-corp") },
    ]);
    ses.on(ListTenantsCommand).resolves({ Tenants: [tenant("acme-corp")] });
    await harness.action("listTenants", {
      ...base,
      nameContains: "acme",
      sendingStatus: "DISABLED",
      fetchAll: false,
    });
    expect(inputsOf(ses, ListTenantsCommand)[0]).toMatchObject({
      Filter: { TENANT_NAME_CONTAINS: "acme", SENDING_STATUS: "DISABLED" },
    });
    sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: "111122223333", Arn: "arn:aws:iam::111122223333:user/ci" });
    ses.on(ListResourceTenantsCommand).resolves({ ResourceTenants: [{ TenantName: "acme-corp" }] });
    await harness.action("listResourceTenants", {
      ...base,
      resourceType: "identity",
      resourceName: "example.com",
    });
    expect(inputsOf(ses, ListResourceTenantsCommand)[0]).toMatchObject({
      ResourceArn: "arn:aws:ses:us-east-1:111122223333:identity/example.com",
    });
  });

  it("creates, lists the resources of, and deletes a tenant with exactly the inputs given", async () => {
    ses.on(CreateTenantCommand).resolves(tenant("acme-corp"));
    ses.on(ListTenantResourcesCommand).resolves({ TenantResources: [] });
    await harness.action("createTenant", {
      ...base,
      tenantName: "acme-corp",
      tags: [{ key: "plan", value: "pro" }],
      suppressionScope: "ACCOUNT",
      suppressedReasons: [],
    });
    await harness.action("createTenant", {
      ...base,
      tenantName: "bare",
      tags: [],
      suppressedReasons: [],
    });
    await harness.action("listTenantResources", { ...base, tenantName: "acme-corp" });
    await harness.action("deleteTenant", { ...base, tenantName: "acme-corp" });
    expect(inputsOf(ses, CreateTenantCommand)).toEqual([
      {
        TenantName: "acme-corp",
        Tags: [{ Key: "plan", Value: "pro" }],
        SuppressionAttributes: { SuppressionScope: "ACCOUNT", SuppressedReasons: [] },
      },
      { TenantName: "bare" },
    ]);
    expect(inputsOf(ses, ListTenantResourcesCommand)).toEqual([
      { TenantName: "acme-corp", PageSize: 100 },
    ]);
    expect(inputsOf(ses, DeleteTenantCommand)).toEqual([{ TenantName: "acme-corp" }]);
  });

  it("refuses bad names and a missing tenant before any call", async () => {
    await expect(onboard({})).rejects.toThrow(/needs a tenant/);
    await expect(
      harness.action("createTenant", { ...base, tenantName: "acme corp" }),
    ).rejects.toThrow(/not a tenant name/);
    await expect(
      harness.action("associateTenantResource", {
        ...base,
        tenantName: "acme",
        resourceType: "bucket",
        resourceName: "x",
      }),
    ).rejects.toThrow(/Resource Type/);
    expect(ses.calls()).toHaveLength(0);
  });
});
