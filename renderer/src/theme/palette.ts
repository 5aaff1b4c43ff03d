// Chart colours, from the theme's CSS variables so light and dark follow the system. Series
// colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies);
// compared runs also differ by dash pattern.
export interface Palette {
  fg: string;
  muted: string;
  grid: string;
  panel: string;
  /** Compared runs, in order. */
  series: string[];
  latency: { p50: string; p90: string; p99: string; max: string };
  target: string;
  errors: { connect: string; read: string; write: string; timeout: string; status: string; tls: string };
}

/** Dash patterns for compared runs (solid first). */
export const DASHES = ['', '7 3', '2 3', '9 3 2 3', '4 4', '12 3'];

export function readPalette(style: { getPropertyValue(name: string): string }): Palette {
  const value = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const series = [1, 2, 3, 4, 5, 6].map((n, index) => value(`--series-${n}`, ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9'][index] ?? '#888'));
  return {
    fg: value('--fg', '#1a1c21'),
    muted: value('--muted', '#5b6170'),
    grid: value('--grid', '#e3e5ea'),
    panel: value('--panel', '#ffffff'),
    series,
    latency: { p50: value('--lat-p50', series[0] ?? ''), p90: value('--lat-p90', series[2] ?? ''), p99: value('--lat-p99', series[1] ?? ''), max: value('--lat-max', series[3] ?? '') },
    target: value('--target', '#5b6170'),
    errors: { connect: series[4] ?? '', read: series[3] ?? '', write: series[5] ?? '', timeout: series[1] ?? '', status: series[0] ?? '', tls: series[2] ?? '' },
  };
}
