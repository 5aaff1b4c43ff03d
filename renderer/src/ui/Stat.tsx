// One figure with its label, and optionally what it is measured against.
import type { ReactNode } from 'react';
import { UNKNOWN } from '../format/figures.ts';

export function Stat({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: ReactNode; tone?: 'warn' | 'bad' | 'good' }) {
  return (
    <div className={`stat${tone === undefined ? '' : ` ${tone}`}`}>
      <div className="stat-label">{label}</div>
      <div className={value === UNKNOWN ? 'stat-value unknown' : 'stat-value'}>{value}</div>
      {detail !== undefined && <div className="stat-detail">{detail}</div>}
    </div>
  );
}
