// Links in run notes open in the system browser, never in the app: only plain web addresses go
// out (no file:, javascript:, custom schemes), and the app window itself never navigates.

/** The URL to hand to the system browser, or null when it must not leave the app at all. */
export function externalLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}
