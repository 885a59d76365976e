import { downloadBlob } from "../files/local-files";

/** Chart downloads (curves as CSV): text with its charset, through the one download helper. */
export function downloadText(fileName: string, text: string, type = "text/csv"): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** A file name from free text: letters, digits, dot, dash and underscore. */
export function safeFileName(text: string): string {
  return text.replace(/[^\w.-]+/g, "_").replace(/^_+|_+$/g, "") || "netforge";
}
