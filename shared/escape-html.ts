// Escaping of text placed in HTML built as strings (the report, the popup band).

/** Escapes the five characters that can break out of HTML text or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
