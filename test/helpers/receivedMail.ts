/**
 * Received mail as SES stores it: SES's trace headers on top (the shape of real SES-received
 * Gmail mail, with addresses, IPs and signatures replaced), then whatever the sender wrote.
 */
export const SES_AUTH_RESULTS_PASS =
  "amazonses.com;\r\n spf=pass (spfCheck: domain of example.org designates 192.0.2.10 as permitted sender) client-ip=192.0.2.10; envelope-from=jane@example.org; helo=mail.example.org;\r\n dkim=pass header.i=@example.org;\r\n dmarc=pass header.from=example.org;";

export function sesTraceHeaders(
  options: { scan?: boolean; spam?: string; virus?: string; authResults?: string } = {},
): string[] {
  const scanned = options.scan !== false;
  return [
    "Return-Path: <jane@example.org>",
    "Received: from mail.example.org (mail.example.org [192.0.2.10])",
    " by inbound-smtp.us-east-1.amazonaws.com with SMTP id 43b1325e72b227e8aceb23b963c34d6dc6fb9e11",
    " for orders@inbound.example.com;",
    " Mon, 23 Nov 2026 17:58:42 +0000 (UTC)",
    ...(scanned
      ? [
          `X-SES-Spam-Verdict: ${options.spam ?? "PASS"}`,
          `X-SES-Virus-Verdict: ${options.virus ?? "PASS"}`,
        ]
      : []),
    "Received-SPF: pass (spfCheck: domain of example.org designates 192.0.2.10 as permitted sender) client-ip=192.0.2.10; envelope-from=jane@example.org; helo=mail.example.org;",
    `Authentication-Results: ${options.authResults ?? SES_AUTH_RESULTS_PASS}`,
    "X-SES-RECEIPT: AEFBQUFBQUFBQUFHZFR2NW1rRTBwbWk1WGVPMStoT2Z6U0c1YnNZUWkwWSsx",
    "X-SES-DKIM-SIGNATURE: a=rsa-sha256; q=dns/txt; b=AAAA; c=relaxed/simple; s=224i4yxa5dv7c2xz3womw6peuasteono; d=amazonses.com; t=1795543122; v=1; bh=BBBB; h=From:To:Cc:Bcc:Subject:Date:Message-ID:MIME-Version:Content-Type:X-SES-RECEIPT;",
  ];
}

/** A whole received message: SES's headers, the sender's headers, a text part, attachments. */
export function receivedMime(options: {
  sesHeaders?: string[];
  senderHeaders?: string[];
  attachments?: { fileNameHeader: string; body: Buffer }[];
}): Buffer {
  const parts = (options.attachments ?? []).flatMap(({ fileNameHeader, body }) => [
    "--b",
    "Content-Type: application/pdf",
    `Content-Disposition: attachment; ${fileNameHeader}`,
    "Content-Transfer-Encoding: base64",
    "",
    body.toString("base64"),
  ]);
  return Buffer.from(
    [
      ...(options.sesHeaders ?? sesTraceHeaders()),
      "Received: by mail.example.org with SMTP id x1; Mon, 23 Nov 2026 09:58:41 -0800 (PST)",
      ...(options.senderHeaders ?? []),
      "From: Jane <jane@example.org>",
      "To: orders@inbound.example.com",
      "Subject: Purchase order 4711",
      "Message-ID: <po-4711@example.org>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Please find our order attached.",
      ...parts,
      "--b--",
      "",
    ].join("\r\n"),
  );
}
