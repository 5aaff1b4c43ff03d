// Things to undo if the benchmark is interrupted: running generators, nginx servers.
// SIGINT/SIGTERM run every registered cleanup, then exit with 130/143.
type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
let installed = false;

/** Registers a cleanup; the returned function unregisters it (call it once the thing is undone). */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

async function runAll(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map(async (cleanup) => cleanup()));
}

export function installInterruptHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping generators and nginx\n`);
      const hardStop = setTimeout(() => process.exit(code), 5000);
      void runAll().finally(() => {
        clearTimeout(hardStop);
        process.exit(code);
      });
    });
  }
}
