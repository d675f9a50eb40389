import { input } from "@prismatic-io/spectral";

export const rawMessageInput = input({
  label: "Raw Message",
  type: "data",
  required: true,
  comments:
    "A complete MIME message (RFC 5322: headers, an empty line, then the body), as a file from an earlier step or as text. At most 40 MB.",
  example:
    "From: sender@example.com\r\nTo: jane@example.com\r\nSubject: Hello\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello Jane",
});
