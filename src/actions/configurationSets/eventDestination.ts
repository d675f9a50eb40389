import type {
  CreateConfigurationSetEventDestinationCommandInput,
  EventDestinationDefinition,
  EventType,
  SESv2Client,
} from "@aws-sdk/client-sesv2";
import { action } from "@prismatic-io/spectral";
import { clientSettings, createSesV2Client } from "../../aws/clients";
import { connectionInput, endpointInput, regionInput } from "../../inputs/common";
import {
  type CloudWatchDimension,
  cloudWatchDimensionsInput,
  configurationSetNameInput,
  type DestinationType,
  destinationEnabledInput,
  destinationTypeInput,
  eventBusArnInput,
  eventDestinationNameInput,
  matchingEventTypesInput,
  optionalSnsTopicArnInput,
} from "../../inputs/configurationSets";
import { outputSchemaFrom } from "../outputSchema";

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

const examplePayload = {
  data: {
    configurationSet: "transactional",
    eventDestination: "to-prismatic",
    enabled: true,
    ...exampleDestination,
  },
};

/** Create and Update Event Destination: the same inputs and output, a different SES command. */
export function eventDestinationWriteAction(options: {
  label: string;
  description: string;
  send: (
    client: SESv2Client,
    input: CreateConfigurationSetEventDestinationCommandInput,
  ) => Promise<unknown>;
}) {
  return action({
    display: { label: options.label, description: options.description },
    inputs: {
      connection: connectionInput,
      region: regionInput,
      configurationSet: configurationSetNameInput,
      eventDestination: eventDestinationNameInput,
      enabled: destinationEnabledInput,
      ...destinationInputs,
      endpoint: endpointInput,
    },
    performSafety: "notAllowed",
    perform: async (_context, params) => {
      const destination = eventDestinationOf(params, params.enabled);
      await options.send(await createSesV2Client(clientSettings(params)), {
        ConfigurationSetName: params.configurationSet,
        EventDestinationName: params.eventDestination,
        EventDestination: destination,
      });
      return {
        data: {
          configurationSet: params.configurationSet,
          eventDestination: params.eventDestination,
          enabled: params.enabled,
          ...describeDestination(params),
        },
      };
    },
    examplePayload,
    outputSchema: outputSchemaFrom(examplePayload.data),
  });
}
