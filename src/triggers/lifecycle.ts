import {
  GetIdentityNotificationAttributesCommand,
  type NotificationType,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityNotificationTopicCommand,
} from "@aws-sdk/client-ses";
import { SubscribeCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";
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

interface SubscriptionState {
  topicArn: string;
  endpoint: string;
  subscriptionArn: string;
  identity?: string;
}

const stateKey = (context: ActionContext) => `aws-ses-sns-subscription:${context.flow.stableId}`;
const isArn = (value: string | undefined) => Boolean(value?.startsWith("arn:"));

function requireConnection(params: LifecycleParams): Connection {
  if (!params.connection) {
    throw new Error(
      "Subscribe To Topic needs a Connection (with sns:Subscribe) to subscribe the flow on deploy.",
    );
  }
  return params.connection;
}

async function unsubscribe(connection: Connection, state: SubscriptionState) {
  if (!isArn(state.subscriptionArn)) return;
  const region = topicRegion(state.topicArn) ?? "us-east-1";
  await createSnsClient({ connection, region }).send(
    new UnsubscribeCommand({ SubscriptionArn: state.subscriptionArn }),
  );
}

/**
 * onInstanceDeploy / onInstanceDelete for an SNS-fed trigger: subscribe the flow's webhook URL
 * to the topic (idempotent: SNS returns the same subscription for the same topic and endpoint,
 * and a changed topic or URL first drops the old subscription), optionally point an identity's
 * notifications of `types` at it; undo both on delete.
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
      if (!params.subscribeTopic) return;
      const connection = requireConnection(params);
      const endpoint = context.webhookUrls?.[context.flow.name];
      if (!endpoint)
        throw new Error(`No webhook URL for flow "${context.flow.name}" to subscribe.`);
      const previous = context.crossFlowState?.[stateKey(context)] as SubscriptionState | undefined;
      if (
        previous &&
        (previous.topicArn !== params.subscribeTopic || previous.endpoint !== endpoint)
      ) {
        await unsubscribe(connection, previous);
      }
      const region = topicRegion(params.subscribeTopic) ?? params.region;
      const { SubscriptionArn } = await createSnsClient({ connection, region }).send(
        new SubscribeCommand({
          TopicArn: params.subscribeTopic,
          Protocol: endpoint.startsWith("https:") ? "https" : "http",
          Endpoint: endpoint,
          ReturnSubscriptionArn: true,
        }),
      );
      const types = typesFor(params);
      if (params.notifyIdentity && types.length) {
        const ses = createSesClient({ connection, region: params.region });
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
      const state: SubscriptionState = {
        topicArn: params.subscribeTopic,
        endpoint,
        subscriptionArn: SubscriptionArn ?? "",
        identity: params.notifyIdentity,
      };
      return { crossFlowState: { ...context.crossFlowState, [stateKey(context)]: state } };
    },

    onInstanceDelete: async (context: ActionContext, params: P) => {
      const state = context.crossFlowState?.[stateKey(context)] as SubscriptionState | undefined;
      if (!state || !params.connection) return;
      await unsubscribe(params.connection, state);
      const types = typesFor(params);
      if (state.identity && types.length) {
        const ses = createSesClient({ connection: params.connection, region: params.region });
        const { NotificationAttributes } = await ses.send(
          new GetIdentityNotificationAttributesCommand({ Identities: [state.identity] }),
        );
        const current = NotificationAttributes?.[state.identity];
        const topicOf = {
          Bounce: current?.BounceTopic,
          Complaint: current?.ComplaintTopic,
          Delivery: current?.DeliveryTopic,
        };
        for (const type of types) {
          if (topicOf[type as keyof typeof topicOf] !== state.topicArn) continue; // someone re-pointed it
          try {
            await ses.send(
              new SetIdentityNotificationTopicCommand({
                Identity: state.identity,
                NotificationType: type,
              }),
            );
          } catch (error) {
            // SES refuses to clear bounce/complaint topics while email feedback forwarding is off.
            context.logger.warn(
              `Could not clear the ${type} topic of ${state.identity}: ${(error as Error).message}`,
            );
          }
        }
      }
      const { [stateKey(context)]: _removed, ...rest } = context.crossFlowState ?? {};
      return { crossFlowState: rest };
    },
  };
}
