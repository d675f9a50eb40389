// The SDK's full CommonJS bundles, for Call SES Operation, which picks a command by name. Importing
// them by this path keeps them apart from the tree-shaken ES modules every other action uses, so
// only that action's chunk carries all ~190 commands. They export what the packages export.
declare module "@aws-sdk/client-sesv2/dist-cjs/index.js" {
  export * from "@aws-sdk/client-sesv2";
}
declare module "@aws-sdk/client-ses/dist-cjs/index.js" {
  export * from "@aws-sdk/client-ses";
}
