import type { NotificationType } from "@aws-sdk/client-ses";
import type { ActionContext, Connection } from "@prismatic-io/spectral";
import { createSesClient, createSnsClient } from "../aws/clients";
import { topicRegion } from "../sns/snsMessage";

export interface LifecycleParams {
  connection?: Connection;
  region: string;
  allowedTopicArns?: string[];
  subscribeTopic?: string;
  notifyIdentity?: string;
  includeHeaders: boolean;
}

/** What a deploy set up, kept in cross-flow state so the next deploy or the delete can undo it. */
interface Subscription {
  topicArn: string;
  endpoint: string;
  subscriptionArn: string;
  identity?: string;
  /** The identity's notification types pointed at the topic (absent in state from 0.1.0). */
  notificationTypes?: NotificationType[];
  region?: string;
}

interface LifecycleState {
  current?: Subscription;
  /** Earlier subscriptions whose removal failed: retried on every deploy and on delete. */
  leftOver: Subscription[];
}

const stateKey = (context: ActionContext) => `aws-ses-sns-subscription:${context.flow.stableId}`;
const isArn = (value: string | undefined) => Boolean(value?.startsWith("arn:"));

/** This flow's state; 0.1.0 kept one flat Subscription without its notification types. */
function readState(context: ActionContext, types: NotificationType[]): LifecycleState {
  const stored = context.crossFlowState?.[stateKey(context)] as
    | (Partial<LifecycleState> & Partial<Subscription>)
    | undefined;
  if (!stored) return { leftOver: [] };
  if (stored.topicArn) {
    const legacy = stored as Subscription;
    return {
      current: { ...legacy, notificationTypes: legacy.notificationTypes ?? types },
      leftOver: [],
    };
  }
  return { current: stored.current, leftOver: stored.leftOver ?? [] };
}

function writeState(context: ActionContext, state: LifecycleState) {
  const { [stateKey(context)]: _old, ...others } = context.crossFlowState ?? {};
  const empty = !state.current && state.leftOver.length === 0;
  return { crossFlowState: empty ? others : { ...others, [stateKey(context)]: state } };
}

const sameSubscription = (a: Subscription, b: Subscription) =>
  a.topicArn === b.topicArn && a.endpoint === b.endpoint;

/** What of `old` is no longer wanted once `current` exists: all of it, or some identity topics. */
function staleParts(old: Subscription, current?: Subscription): Subscription | undefined {
  if (!current || !sameSubscription(old, current)) return old;
  const keptTypes = old.identity === current.identity ? (current.notificationTypes ?? []) : [];
  const dropped = (old.notificationTypes ?? []).filter((type) => !keptTypes.includes(type));
  // The subscription itself stays: only the identity topics it no longer sets are cleared.
  return dropped.length && old.identity
    ? { ...old, subscriptionArn: "", notificationTypes: dropped }
    : undefined;
}

function describe(subscription: Subscription): string {
  const identity = subscription.identity
    ? ` and ${subscription.identity}'s ${(subscription.notificationTypes ?? []).join("/") || "SES"} notifications pointing at it`
    : "";
  return `the SNS subscription ${subscription.subscriptionArn || "(pending)"} of ${subscription.endpoint} to ${subscription.topicArn}${identity}`;
}

function requireConnection(params: LifecycleParams, why: string): Connection {
  if (!params.connection) throw new Error(`The trigger needs a Connection ${why}.`);
  return params.connection;
}

/** Clears the identity's topics that still point at this subscription's topic (not re-pointed). */
async function clearIdentityTopics(
  context: ActionContext,
  connection: Connection,
  old: Subscription,
) {
  const { GetIdentityNotificationAttributesCommand, SetIdentityNotificationTopicCommand } =
    await import("@aws-sdk/client-ses");
  const types = old.notificationTypes ?? [];
  if (!old.identity || types.length === 0) return;
  const ses = await createSesClient({ connection, region: old.region ?? "us-east-1" });
  const { NotificationAttributes } = await ses.send(
    new GetIdentityNotificationAttributesCommand({ Identities: [old.identity] }),
  );
  const current = NotificationAttributes?.[old.identity];
  const topicOf: Record<string, string | undefined> = {
    Bounce: current?.BounceTopic,
    Complaint: current?.ComplaintTopic,
    Delivery: current?.DeliveryTopic,
  };
  for (const type of types) {
    if (topicOf[type] !== old.topicArn) continue; // someone re-pointed it since
    try {
      await ses.send(
        new SetIdentityNotificationTopicCommand({ Identity: old.identity, NotificationType: type }),
      );
    } catch (error) {
      // SES refuses to clear bounce/complaint topics while email feedback forwarding is off.
      context.logger.warn(
        `Could not clear the ${type} topic of ${old.identity}: ${(error as Error).message}`,
      );
    }
  }
}

/** Undoes one subscription (and the identity topics it set); resolves false when that failed. */
async function remove(context: ActionContext, connection: Connection, old: Subscription) {
  const { UnsubscribeCommand } = await import("@aws-sdk/client-sns");
  try {
    if (isArn(old.subscriptionArn)) {
      const region = topicRegion(old.topicArn) ?? "us-east-1";
      await (await createSnsClient({ connection, region })).send(
        new UnsubscribeCommand({ SubscriptionArn: old.subscriptionArn }),
      );
    }
    await clearIdentityTopics(context, connection, old);
    return true;
  } catch (error) {
    context.logger.warn(`Could not remove ${describe(old)}: ${(error as Error).message}`);
    return false;
  }
}

/** Subscribes the endpoint and points the identity at the topic; undoes its own work if that fails. */
async function subscribe(
  context: ActionContext,
  connection: Connection,
  params: LifecycleParams & { subscribeTopic: string },
  endpoint: string,
  types: NotificationType[],
  previous?: Subscription,
): Promise<Subscription> {
  const { SetIdentityHeadersInNotificationsEnabledCommand, SetIdentityNotificationTopicCommand } =
    await import("@aws-sdk/client-ses");
  const { SubscribeCommand } = await import("@aws-sdk/client-sns");
  const region = topicRegion(params.subscribeTopic) ?? params.region;
  const { SubscriptionArn = "" } = await (await createSnsClient({ connection, region })).send(
    new SubscribeCommand({
      TopicArn: params.subscribeTopic,
      Protocol: endpoint.startsWith("https:") ? "https" : "http",
      Endpoint: endpoint,
      ReturnSubscriptionArn: true,
    }),
  );
  const created: Subscription = {
    topicArn: params.subscribeTopic,
    endpoint,
    subscriptionArn: SubscriptionArn,
    identity: params.notifyIdentity,
    notificationTypes: params.notifyIdentity ? types : [],
    region: params.region,
  };
  try {
    if (params.notifyIdentity) {
      const ses = await createSesClient({ connection, region: params.region });
      for (const type of types) {
        await ses.send(
          new SetIdentityNotificationTopicCommand({
            Identity: params.notifyIdentity,
            NotificationType: type,
            SnsTopic: params.subscribeTopic,
          }),
        );
        await ses.send(
          new SetIdentityHeadersInNotificationsEnabledCommand({
            Identity: params.notifyIdentity,
            NotificationType: type,
            Enabled: params.includeHeaders,
          }),
        );
      }
    }
  } catch (error) {
    // State is written only when the deploy ends, so a failed deploy cannot record what it made:
    // undo it now (unless the previous deploy made the same subscription, which stays recorded).
    const kept = previous && sameSubscription(previous, created);
    const undone = kept || (await remove(context, connection, created));
    throw new Error(
      `${(error as Error).message} ${
        undone
          ? "Nothing was left subscribed by this deploy."
          : `Removing ${describe(created)} failed too: remove it in the SNS console.`
      }`,
    );
  }
  return created;
}

/**
 * onInstanceDeploy / onInstanceDelete for an SNS-fed trigger. Deploy subscribes the flow's
 * webhook URL to Subscribe To Topic (idempotent: SNS returns the same subscription for the same
 * topic and endpoint) and can point an identity's notifications of `types` at it; a changed or
 * cleared topic removes the old subscription once the new one exists. Delete undoes it all.
 * Anything that could not be removed stays in state and is retried, never forgotten.
 */
export function snsLifecycle<P extends LifecycleParams>(
  typesFor: (params: P) => NotificationType[],
) {
  return {
    onInstanceDeploy: async (context: ActionContext, params: P) => {
      if (!params.subscribeTopic && !params.allowedTopicArns?.length) {
        context.logger.warn(
          `Flow "${context.flow.name}": its SNS trigger has neither Subscribe To Topic nor Allowed Topic ARNs, so it will refuse every message until one of them names your topic.`,
        );
      }
      const types = typesFor(params);
      const previous = readState(context, types);
      const earlier = [...(previous.current ? [previous.current] : []), ...previous.leftOver];
      if (!params.subscribeTopic && earlier.length === 0) return;
      const connection = requireConnection(
        params,
        params.subscribeTopic
          ? "(with sns:Subscribe) for Subscribe To Topic to subscribe the flow on deploy"
          : `(with sns:Unsubscribe) to remove ${earlier.map(describe).join("; ")}, now that Subscribe To Topic is empty`,
      );
      let current: Subscription | undefined;
      if (params.subscribeTopic) {
        const endpoint = context.webhookUrls?.[context.flow.name];
        if (!endpoint)
          throw new Error(`No webhook URL for flow "${context.flow.name}" to subscribe.`);
        const wanted = { ...params, subscribeTopic: params.subscribeTopic };
        current = await subscribe(context, connection, wanted, endpoint, types, previous.current);
      }
      // Make before break: earlier subscriptions are removed only once the new one exists.
      const leftOver: Subscription[] = [];
      for (const old of earlier) {
        const stale = staleParts(old, current);
        if (stale && !(await remove(context, connection, stale))) leftOver.push(stale);
      }
      return writeState(context, { current, leftOver });
    },

    onInstanceDelete: async (context: ActionContext, params: P) => {
      const state = readState(context, typesFor(params));
      const all = [...(state.current ? [state.current] : []), ...state.leftOver];
      if (all.length === 0) return;
      if (!params.connection) {
        throw new Error(
          `The trigger has no Connection, so deleting this instance would leave ${all.map(describe).join("; ")}. Give the trigger a Connection (sns:Unsubscribe) before deleting, or remove them in the SNS console.`,
        );
      }
      const failed: Subscription[] = [];
      for (const old of all) if (!(await remove(context, params.connection, old))) failed.push(old);
      if (failed.length) {
        throw new Error(
          `Deleting this instance could not remove ${failed.map(describe).join("; ")} (see the log). Remove them in the SNS console.`,
        );
      }
      return writeState(context, { leftOver: [] });
    },
  };
}
