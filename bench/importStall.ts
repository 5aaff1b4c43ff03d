// The longest event-loop stall of the lab while it imports a ~10 MB file, as other clients of
// `loadlab web` feel it: a 1 ms timer's largest lateness during `journal.import`.
// Run: npx tsx bench/importStall.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import { readTestdata } from '../journal/import/testdataFiles.ts';
import { createLab } from '../lab/lab.ts';

const TARGET_BYTES = 10 * 1024 * 1024;

function jsonBatch(): string {
  const records = [];
  let bytes = 0;
  for (let index = 0; bytes < TARGET_BYTES; index++) {
    const record = simulatedRecord({ id: `stall-${index}`, seed: index + 1, durationMs: 60_000 });
    bytes += JSON.stringify(record).length;
    records.push(record);
  }
  return JSON.stringify(records);
}

function markdownJournal(): string {
  const report = readTestdata('wrk2-readme-latency.txt');
  const parts: string[] = [];
  let bytes = 0;
  for (let index = 0; bytes < TARGET_BYTES; index++) {
    const entry = `## Run ${index}\n\n\`\`\`\n$ wrk -t2 -c${100 + index} -d30s -R2000 --latency http://127.0.0.1:8080/\n${report}\`\`\`\n\n`;
    parts.push(entry);
    bytes += entry.length;
  }
  return `# Journal\n\n${parts.join('')}`;
}

async function measure(name: string, text: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'loadlab-stall-'));
  const lab = await createLab({ journalDir: dir, host: 'web' });
  let last = performance.now();
  let worstMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstMs = Math.max(worstMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const summary = await lab.call('journal.import', { files: [{ name, text }] });
  const tookMs = performance.now() - started;
  clearInterval(timer);
  console.log(`${name}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${summary.added.length} runs added, ${summary.errors.length} files not read; import ${tookMs.toFixed(0)} ms, longest event-loop stall ${worstMs.toFixed(0)} ms`);
  await lab.close();
  await rm(dir, { recursive: true, force: true });
}

await measure('batch.json', jsonBatch());
await measure('journal.md', markdownJournal());
