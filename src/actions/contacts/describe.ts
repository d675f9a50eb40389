import type { Topic, TopicPreference } from "@aws-sdk/client-sesv2";

export const describeTopics = (topics: Topic[] | undefined) =>
  (topics ?? []).map((topic) => ({
    name: topic.TopicName ?? "",
    displayName: topic.DisplayName ?? "",
    description: topic.Description ?? null,
    defaultSubscription: topic.DefaultSubscriptionStatus ?? "",
  }));

export const describePreferences = (preferences: TopicPreference[] | undefined) =>
  Object.fromEntries(
    (preferences ?? []).map((p) => [p.TopicName ?? "", p.SubscriptionStatus ?? ""]),
  ) as Record<string, string>;

export const EXAMPLE_TOPICS = [
  {
    name: "weekly-digest",
    displayName: "Weekly digest",
    description: null as string | null,
    defaultSubscription: "OPT_IN",
  },
];
