// A separate process that writes runs into a journal as fast as it can, for the crash-safety
// and concurrency tests. Prints "put <id>" / "updated <id>" after each completed write, so the
// test knows what must survive a SIGKILL.
// Usage: node journalWriter.mjs DIR PREFIX COUNT
import { sampleRecordWith } from '../../../common/testing/sampleRecords.ts';
import { openJournal } from '../journal.ts';

const [dir, prefix, countText] = process.argv.slice(2);
if (dir === undefined || prefix === undefined || countText === undefined) throw new Error('usage: journalWriter DIR PREFIX COUNT');
const journal = await openJournal(dir);
const count = Number(countText);
for (let index = 0; index < count; index += 1) {
  const id = `${prefix}-${String(index).padStart(5, '0')}`;
  await journal.put(sampleRecordWith(id, new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(), { notes: 'x'.repeat(2000) }));
  process.stdout.write(`put ${id}\n`);
  if (index % 3 === 2) {
    const earlier = `${prefix}-${String(index - 2).padStart(5, '0')}`;
    await journal.update(earlier, { notes: `updated by ${process.pid}`, tags: ['updated'] });
    process.stdout.write(`updated ${earlier}\n`);
  }
}
