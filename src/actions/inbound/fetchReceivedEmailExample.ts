/** What Fetch Received Email returns for an encrypted mail with one attachment. */
export const fetchReceivedEmailExample = {
  data: {
    bucket: "inbound-mail",
    key: "inbound/43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
    size: 1153,
    encryption: {
      encrypted: true,
      contentAlgorithm: "AES/GCM/NoPadding" as string | null,
      authenticated: true as boolean | null,
      envelopeSource: "metadata" as string | null,
      encryptionContext: {
        "aws:ses:message-id": "43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
        "aws:ses:rule-name": "store-inbound",
        "aws:ses:source-account": "111122223333",
      } as Record<string, string>,
      kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" as
        | string
        | null,
    },
    messageId: "<CAF=x1y2z3@mail.example.org>" as string | null,
    from: { name: "Jane Doe", address: "jane@example.org" } as {
      name: string;
      address: string;
    } | null,
    to: [{ name: "", address: "orders@inbound.example.com" }],
    cc: [{ name: "Purchasing", address: "purchasing@example.org" }],
    replyTo: [] as { name: string; address: string }[],
    subject: "Purchase order 4711",
    date: "2026-11-23T17:58:41.000Z" as string | null,
    inReplyTo: null as string | null,
    headers: [
      { name: "Return-Path", value: "<jane@example.org>" },
      {
        name: "Received",
        value:
          "from mail.example.org (mail.example.org [192.0.2.10]) by inbound-smtp.us-east-1.amazonaws.com with SMTP id 43b1325e72b227e8aceb23b963c34d6dc6fb9e11 for orders@inbound.example.com; Mon, 23 Nov 2026 17:58:42 +0000 (UTC)",
      },
      { name: "X-SES-Spam-Verdict", value: "PASS" },
      { name: "X-SES-Virus-Verdict", value: "PASS" },
      { name: "Subject", value: "Purchase order 4711" },
    ],
    text: "Please find our order attached.\n" as string | null,
    html: null as string | null,
    attachments: [
      {
        fileName: "po-4711.pdf",
        untrustedOriginalFileName: "po-4711.pdf" as string | null,
        contentType: "application/pdf",
        size: 18422,
        disposition: "attachment" as string | null,
        contentId: null as string | null,
        file: { data: Buffer.from("%PDF-1.7 ..."), contentType: "application/pdf" },
      },
    ],
    sesVerdicts: {
      spam: "PASS" as string | null,
      virus: "PASS" as string | null,
      spf: "PASS" as string | null,
      dkim: "PASS" as string | null,
      dmarc: "PASS" as string | null,
      source: {
        spam: "X-SES-Spam-Verdict" as string | null,
        virus: "X-SES-Virus-Verdict" as string | null,
        spf: "Authentication-Results" as string | null,
        dkim: "Authentication-Results" as string | null,
        dmarc: "Authentication-Results" as string | null,
      },
    },
    raw: null as { data: Buffer; contentType: string } | null,
  },
};
