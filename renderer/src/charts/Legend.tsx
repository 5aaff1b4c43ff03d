// A legend of swatches drawn as the lines are (colour and dash), in HTML beside the title.
export interface LegendItem {
  key: string;
  label: string;
  color: string;
  dash?: string;
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  if (items.length <= 1) return null;
  return (
    <ul className="legend">
      {items.map((item) => (
        <li key={item.key}>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="22" y2="4" stroke={item.color} strokeWidth="2" strokeDasharray={item.dash} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
