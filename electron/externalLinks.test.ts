import { describe, expect, it } from 'vitest';
import { externalLinkTarget } from './externalLinks.ts';

describe('externalLinkTarget', () => {
  it.each([
    ['https://github.com/giltene/wrk2', 'https://github.com/giltene/wrk2'],
    ['http://127.0.0.1:7878/sleep?ms=5', 'http://127.0.0.1:7878/sleep?ms=5'],
  ])('hands %s to the system browser', (url, expected) => {
    expect(externalLinkTarget(url)).toBe(expected);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'smb://host/share', 'vscode://file/x', 'not a url', 'https://user:pass@example.com/'])(
    'keeps %s in (it opens nothing)',
    (url) => {
      expect(externalLinkTarget(url)).toBeNull();
    },
  );
});
