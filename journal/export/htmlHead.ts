// The opening every exported HTML page shares (runs, sweeps): doctype, charset, the CSP that
// forbids scripts and anything fetched, viewport, the title (escaped here) and the inline style,
// up to the opened <main>.
import { escapeXml } from './escape.ts';

export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The page's lines up to and including `<body><main>`; `title` is plain text, `style` CSS. */
export function htmlHead(title: string, style: string): string[] {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body><main>',
  ];
}
