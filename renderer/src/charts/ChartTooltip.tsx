// Tooltip content: the x value, then each line's value with its unit, in the lines' order.
import type { TooltipPayload } from 'recharts/types/state/tooltipSlice';
import type { LegendItem } from './Legend.tsx';

interface Props {
  active: boolean | undefined;
  payload: TooltipPayload | undefined;
  label: string | number | undefined;
  lines: readonly LegendItem[];
  xText: (x: number) => string;
  valueText: (key: string, value: number) => string;
}

export function ChartTooltip({ active, payload, label, lines, xText, valueText }: Props) {
  if (active !== true || payload === undefined || payload.length === 0) return null;
  const values = new Map<string, unknown>();
  for (const entry of payload) if (typeof entry.dataKey === 'string') values.set(entry.dataKey, entry.value);
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-x">{typeof label === 'number' ? xText(label) : label}</div>
      <table>
        <tbody>
          {lines.map((line) => {
            const value = values.get(line.key);
            return (
              <tr key={line.key}>
                <td>
                  <span className="swatch" style={{ background: line.color }} />
                  {line.label}
                </td>
                <td className="num">{typeof value === 'number' ? valueText(line.key, value) : 'none'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
