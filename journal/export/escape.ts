// Escaping for HTML and XML (SVG) text and attribute values. Everything from a record (titles,
// notes, URLs, tool output) is user input and goes through here.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values of HTML and XML. */
export function escapeXml(text: string): string {
  // Control characters other than tab, LF and CR are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}
