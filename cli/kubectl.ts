// Running `kubectl` (found on PATH, pointed at its current context) for `loadlab kube collect`.
import { execFile } from 'node:child_process';
import { UsageError } from './numbers.ts';

/** Pod logs of long runs are large (a record's histograms and series): room for them. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

export class KubectlError extends Error {
  override name = 'KubectlError';
}

/** kubectl's stdout; its absence is a usage error saying what to do, its failure a KubectlError with its stderr. */
export function kubectl(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('kubectl', [...args], { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout);
        return;
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new UsageError('kubectl was not found on PATH: `kube collect` reads the Job\'s pods with it. Install it (https://kubernetes.io/docs/tasks/tools/) and point it at the cluster (kubectl config current-context)'));
        return;
      }
      const detail = stderr.trim() === '' ? error.message : stderr.trim();
      reject(new KubectlError(`kubectl ${args.join(' ')} failed: ${detail}`));
    });
  });
}
