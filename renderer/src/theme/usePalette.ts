// The chart palette, re-read when the system switches between light and dark.
import { useEffect, useState } from 'react';
import { readPalette, type Palette } from './palette.ts';

const DARK = '(prefers-color-scheme: dark)';

function current(): Palette {
  return readPalette(getComputedStyle(document.documentElement));
}

export function usePalette(): Palette {
  const [palette, setPalette] = useState(current);
  useEffect(() => {
    const query = window.matchMedia(DARK);
    const update = (): void => setPalette(current());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return palette;
}
