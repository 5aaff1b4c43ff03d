// The store and actions for components: useLab(selector) reads, useActions() acts.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabApi } from '../../../common/labApi.ts';
import type { Lab, LabActions } from './createLab.ts';
import type { LabState } from './state.ts';

const LabContext = createContext<Lab | null>(null);

export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

function useLabContext(): Lab {
  const lab = useContext(LabContext);
  if (lab === null) throw new Error('useLab outside <LabProvider>');
  return lab;
}

/** Select one value; the component re-renders only when it changes (Object.is). */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabContext().store, selector);
}

export function useActions(): LabActions {
  return useLabContext().actions;
}

export function useLabApi(): LabApi {
  return useLabContext().api;
}
