/** File extensions of the formats a board exports to. */
export type ExportFormat = "png" | "svg" | "excalidraw";

// Characters that are illegal or troublesome in file names on Windows, macOS or Linux.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must match
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A download file name from a board title: illegal characters become "-",
 * whitespace collapses, leading/trailing dots and spaces go, reserved device
 * names are avoided, and the stem is capped so the full name stays short.
 */
export function exportFileName(title: string, format: ExportFormat | "md" | "webm", suffix?: string): string {
  let stem = title
    .normalize("NFC")
    .replace(ILLEGAL, "-")
    .replace(/\s+/g, " ")
    .replace(/-{2,}/g, "-")
    .replace(/^[\s.-]+|[\s.-]+$/g, "");
  if (!stem || RESERVED.test(stem)) stem = stem ? `${stem}-board` : "board";
  if (suffix) stem = `${stem} (${suffix})`;
  // Cap by code points so a multi-byte title is not split mid-character.
  const chars = Array.from(stem);
  if (chars.length > 100) stem = chars.slice(0, 100).join("").trimEnd();
  return `${stem}.${format}`;
}

/** A board title from an imported file's name: drops the scene extensions. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base
    .replace(/(\.excalidraw)?\.(png|json|svg)$/i, "")
    .replace(/\.excalidraw$/i, "")
    .trim();
}
