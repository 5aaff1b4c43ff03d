// One palette for every chart, read once and again when the system theme changes.
import { createContext, useContext, type ReactNode } from 'react';
import { readPalette, type Palette } from './palette.ts';
import { usePalette } from './usePalette.ts';

const PaletteContext = createContext<Palette | null>(null);

export function PaletteProvider({ children }: { children: ReactNode }) {
  return <PaletteContext.Provider value={usePalette()}>{children}</PaletteContext.Provider>;
}

export function useChartPalette(): Palette {
  return useContext(PaletteContext) ?? readPalette({ getPropertyValue: () => '' });
}
