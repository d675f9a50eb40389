import { input } from "@prismatic-io/spectral";
import { checkHeaderName } from "../sesEvents/apiDestinationKey";
import { cleanAccountId, cleanInteger, cleanString } from "./clean";

export const eventBridgeAccountInput = input({
  label: "EventBridge Account ID",
  type: "string",
  required: false,
  comments:
    "Only events of this 12-digit AWS account (the event's account field) are taken; others are refused. Empty: any account.",
  example: "111122223333",
  clean: cleanAccountId("EventBridge Account ID"),
});

export const apiKeyHeaderInput = input({
  label: "API Key Header",
  type: "string",
  required: true,
  default: "x-ses-events-key",
  comments:
    "The header the API destination's connection sends: with API key authorization, its API key name. For basic authorization use Authorization (and Basic plus the base64 of user:password as the API Key).",
  example: "x-ses-events-key",
  clean: (value: unknown) => checkHeaderName("API Key Header", cleanString(value)),
});

export const apiKeyInput = input({
  label: "API Key",
  type: "password",
  required: true,
  comments:
    "The value the API destination's connection sends in that header: a random string of at least 32 characters (for example `openssl rand -base64 32`). A request without it is refused with 401 before its body is read. It never appears in outputs or logs.",
  clean: (value: unknown) => {
    const text = cleanString(value);
    if (text.length < 32) {
      throw new Error(
        "API Key must be at least 32 characters: anyone who knows the webhook URL can try to guess it.",
      );
    }
    return text;
  },
});

export const maxEventAgeInput = input({
  label: "Max Event Age (seconds)",
  type: "string",
  required: false,
  default: "86400",
  comments:
    "Events whose time is older than this are refused (400, not retried): the API destination's retry policy keeps retrying for at most 24 hours (86400), so the default takes every retry. Duplicates within it are recognised by event ID.",
  clean: cleanInteger("Max Event Age (seconds)", 60, 86400, 86400),
});
