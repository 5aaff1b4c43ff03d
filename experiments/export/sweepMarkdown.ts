// A sweep in the seed journal's style: "## <date> <title>", the notes, the plan, the table as the
// terminal prints it in a fenced block with the knee marked, the knee in a sentence, and the curve
// as an SVG file beside the .md.
import type { SweepView } from '../../common/labApi.ts';
import { fenced, inline } from '../../journal/export/markdown.ts';
import type { ExportFile } from '../../journal/export/fileNames.ts';
import { renderLineChart } from '../../journal/export/svg/lineChart.ts';
import type { SweepResult } from '../sweep.ts';
import { formatSweepTable } from '../sweepTable.ts';
import { sweepCurveChart } from './sweepCurveSvg.ts';
import { kneeSentence, sweepFacts } from './sweepFacts.ts';

const CHART_SIZE = { width: 720, height: 400 };

export function sweepMarkdown(view: SweepView, result: SweepResult, stem: string): { markdown: string; files: ExportFile[] } {
  const { experiment } = view;
  const day = experiment.startedAt.slice(0, 10);
  const blocks = [`## ${inline(`${day} ${experiment.title}`.trim())}`];
  if (experiment.notes.trim() !== '') blocks.push(experiment.notes.trim());
  blocks.push(sweepFacts(view).map(([label, value]) => `- ${label}: ${inline(value)}`).join('\n'));
  blocks.push(fenced(`loadlab sweep @ ${experiment.plan.url}\n${formatSweepTable(result)}`, 'txt'));
  blocks.push(`**${inline(kneeSentence(view))}**`);
  const name = `${stem}-curve.svg`;
  blocks.push(`![${inline(`Latency against throughput, ${experiment.title}`)}](${name})`);
  blocks.push(`Steps (runs in the journal): ${[...view.steps].sort((a, b) => a.targetPerSec - b.targetPerSec).map((step) => `\`${step.header.id}\``).join(', ')}`);
  return { markdown: `${blocks.join('\n\n')}\n`, files: [{ name, content: renderLineChart({ ...sweepCurveChart(view), ...CHART_SIZE }) }] };
}
