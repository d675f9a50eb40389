import type { EventDestinationDefinition, EventType } from "@aws-sdk/client-sesv2";
import {
  type CloudWatchDimension,
  cloudWatchDimensionsInput,
  type DestinationType,
  destinationTypeInput,
  eventBusArnInput,
  matchingEventTypesInput,
  optionalSnsTopicArnInput,
} from "../../inputs/configurationSets";

/** The inputs of Create and Update Event Destination that say where events go. */
export const destinationInputs = {
  eventTypes: matchingEventTypesInput,
  destinationType: destinationTypeInput,
  snsTopicArn: optionalSnsTopicArnInput,
  eventBusArn: eventBusArnInput,
  cloudWatchDimensions: cloudWatchDimensionsInput,
};

export interface DestinationParams {
  eventTypes: EventType[];
  destinationType: DestinationType;
  snsTopicArn?: string;
  eventBusArn?: string;
  cloudWatchDimensions: CloudWatchDimension[];
}

/** SES's event destination for the inputs; each type needs its target and takes no other's. */
export function eventDestinationOf(
  params: DestinationParams,
  enabled: boolean,
): EventDestinationDefinition {
  const given = {
    SNS: params.snsTopicArn !== undefined,
    EVENT_BRIDGE: params.eventBusArn !== undefined,
    CLOUDWATCH: params.cloudWatchDimensions.length > 0,
  };
  const label = {
    SNS: "SNS Topic ARN",
    EVENT_BRIDGE: "Event Bus ARN",
    CLOUDWATCH: "CloudWatch Dimensions",
  };
  if (!given[params.destinationType]) {
    throw new Error(
      `A ${params.destinationType} destination needs ${label[params.destinationType]}.`,
    );
  }
  const stray = (Object.keys(given) as DestinationType[]).find(
    (type) => type !== params.destinationType && given[type],
  );
  if (stray) {
    throw new Error(
      `${label[stray]} is for a ${stray} destination, but Destination Type is ${params.destinationType}: clear it or change the type.`,
    );
  }
  return {
    Enabled: enabled,
    MatchingEventTypes: params.eventTypes,
    ...(params.destinationType === "SNS" && { SnsDestination: { TopicArn: params.snsTopicArn } }),
    ...(params.destinationType === "EVENT_BRIDGE" && {
      EventBridgeDestination: { EventBusArn: params.eventBusArn },
    }),
    ...(params.destinationType === "CLOUDWATCH" && {
      CloudWatchDestination: { DimensionConfigurations: params.cloudWatchDimensions },
    }),
  };
}

/** What a step reports of a destination it wrote. */
export function describeDestination(params: DestinationParams) {
  return {
    eventTypes: params.eventTypes as string[],
    destinationType: params.destinationType as string,
    snsTopicArn: params.snsTopicArn ?? null,
    eventBusArn: params.eventBusArn ?? null,
    cloudWatchDimensions: params.cloudWatchDimensions.map((dimension) => ({
      name: dimension.DimensionName,
      source: dimension.DimensionValueSource as string,
      default: dimension.DefaultDimensionValue,
    })),
  };
}

export const exampleDestination = {
  eventTypes: ["BOUNCE", "COMPLAINT", "DELIVERY"],
  destinationType: "SNS",
  snsTopicArn: "arn:aws:sns:us-east-1:111122223333:ses-notifications" as string | null,
  eventBusArn: null as string | null,
  // Filled for a CLOUDWATCH destination: [{"name": "tenant", "source": "MESSAGE_TAG", "default": "none"}].
  cloudWatchDimensions: [] as { name: string; source: string; default: string }[],
};
