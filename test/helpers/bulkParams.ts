/** The inputs every Send Bulk Templated Email call in tests and benchmarks shares. */
export const bulkSendParams = (connection: unknown, sesEndpoint: string) => ({
  connection,
  region: "us-east-1",
  endpoint: sesEndpoint,
  from: "news@example.com",
  replyTo: [],
  messageTags: [],
  customHeaders: [],
  templateName: "newsletter",
});
