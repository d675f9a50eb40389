import type { Attachment } from "@aws-sdk/client-sesv2";
import { type KeyValuePair, util } from "@prismatic-io/spectral";
import { detectMimeType } from "nodemailer/lib/mime-funcs";
import { assertNoControlCharacters } from "./addresses";

/** File extensions SES refuses to send (SES Developer Guide, "Unsupported attachment types"). */
const BLOCKED_EXTENSIONS = new Set(
  (
    "ade adp app asp bas bat cer chm cmd com cpl crt csh der exe fxp gadget hlp hta inf ins isp " +
    "its js jse ksh lib lnk mad maf mag mam maq mar mas mat mau mav maw mda mdb mde mdt mdw mdz " +
    "msc msh msh1 msh2 mshxml msh1xml msh2xml msi msp mst ops pcd pif plg prf prg reg scf scr " +
    "sct shb shs sys ps1 ps1xml ps2 ps2xml psc1 psc2 tmp url vb vbe vbs vps vsmacros vss vst vsw " +
    "vxd ws wsc wsf wsh xnk"
  ).split(" "),
);

const GENERIC_TYPES = new Set(["application/octet-stream", "text/plain"]);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The content type: the file name's when its extension is known (a string value arrives as
 * text/plain whatever it is), else the one the file came with, else a generic binary type.
 */
function contentTypeOf(fileName: string, given: string): string {
  const byName = detectMimeType(fileName);
  if (!GENERIC_TYPES.has(byName) || extensionOf(fileName) === "txt") return byName;
  return given || byName;
}

// A file given as text, as code-native calls must (their typed reference takes a string):
// data:<content type>;base64,<bytes> (RFC 2397). Any other text is a text file.
const DATA_URL = /^data:([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)?;base64,([A-Za-z0-9+/]*={0,2})$/i;

function toBytes(
  label: string,
  key: string,
  value: unknown,
): { data: Buffer; contentType: string } {
  if (value === undefined || value === null || value === "") {
    throw new Error(`${label}: "${key}" has no content.`);
  }
  const dataUrl = typeof value === "string" ? DATA_URL.exec(value) : null;
  if (dataUrl) {
    return {
      data: Buffer.from(dataUrl[2], "base64"),
      contentType: (dataUrl[1] ?? "application/octet-stream").toLowerCase(),
    };
  }
  try {
    return util.types.toBufferDataPayload(value);
  } catch {
    throw new Error(`${label}: "${key}" is not a file, text or bytes.`);
  }
}

function checkFileName(label: string, fileName: string): void {
  assertNoControlCharacters(label, fileName);
  const extension = extensionOf(fileName);
  if (BLOCKED_EXTENSIONS.has(extension)) {
    throw new Error(
      `${label}: SES does not send attachments of type .${extension} ("${fileName}"). Zip the file or use another format.`,
    );
  }
}

/** One file as SESv2 Simple content takes it; an inline one also carries its content ID. */
function toAttachment(
  label: string,
  fileName: string,
  value: unknown,
  disposition: "ATTACHMENT" | "INLINE",
): Attachment {
  checkFileName(label, fileName);
  const { data, contentType } = toBytes(label, fileName, value);
  return {
    FileName: fileName,
    RawContent: data,
    ContentType: contentTypeOf(fileName, contentType),
    ContentDisposition: disposition,
    ContentId: disposition === "INLINE" ? fileName : undefined,
    ContentTransferEncoding: "BASE64",
  };
}

/** Attachments keyed by file name. */
export function toAttachments(label: string, files: KeyValuePair<unknown>[]): Attachment[] {
  return files.map(({ key, value }) => toAttachment(label, key, value, "ATTACHMENT"));
}

/**
 * Inline images keyed by content ID: the HTML body shows one with <img src="cid:KEY">.
 * A key with an extension (logo.png) also gives the image its type.
 */
export function toInlineImages(label: string, images: KeyValuePair<unknown>[]): Attachment[] {
  return images.map(({ key: contentId, value }) => {
    if (/[<>\s]/.test(contentId)) {
      throw new Error(
        `${label}: content ID "${contentId}" must not contain spaces or angle brackets; reference it as cid:${contentId.replace(/[<>\s]/g, "")}.`,
      );
    }
    return toAttachment(label, contentId, value, "INLINE");
  });
}
