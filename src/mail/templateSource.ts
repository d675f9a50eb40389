import type { TemplateSource } from "./outgoingEmail";

/** A stored template or inline content, never both: the choice the templated send inputs make. */
export function chooseTemplateSource(params: {
  templateName?: string;
  inlineSubject?: string;
  inlineText?: string;
  inlineHtml?: string;
}): TemplateSource {
  const inline = params.inlineSubject || params.inlineText || params.inlineHtml;
  if (params.templateName && inline) {
    throw new Error(
      "Give either a stored Template or Inline Template content, not both: clear one of them.",
    );
  }
  if (params.templateName) return { templateName: params.templateName };
  if (!inline) {
    throw new Error("Choose a stored Template, or give Inline Template Subject and a body.");
  }
  return {
    subject: params.inlineSubject ?? "",
    text: params.inlineText,
    html: params.inlineHtml,
  };
}
