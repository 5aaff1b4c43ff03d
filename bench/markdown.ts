// Markdown tables.
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|');
  const lines = [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export function code(text: string): string {
  return `\`${text}\``;
}
