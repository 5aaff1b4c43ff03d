// The cost of sampling a server's process telemetry (targets/processSampler.ts): CPU of this
// process per sample, against nginx with two workers holding 400 open keep-alive connections (the
// seed journal's -c400), at the 1 s interval runs use. The samples are taken back to back, with
// the sampler's clock told that 1 s passed between them (its walks of the socket table are
// spaced by the time between samples), so the section takes seconds, not minutes.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessGroupGuard } from '../targets/guard.ts';
import { launchServer } from '../targets/launch.ts';
import { ProcTreeSampler, RESCAN_SAMPLES, WALK_BUDGET } from '../targets/processSampler.ts';
import { freePort } from '../targets/testing.ts';
import { table } from './markdown.ts';
import type { BenchOptions } from './options.ts';

const CONNECTIONS = 400;
const SAMPLES = 120;
const INTERVAL_MS = 1000;

/** Sockets in this network namespace (lines of /proc/net/tcp and tcp6): what a walk of the table formats. */
function socketLines(): number {
  return ['tcp', 'tcp6'].reduce((sum, file) => sum + readFileSync(`/proc/net/${file}`, 'utf8').split('\n').filter((line) => line.includes(':')).length - 1, 0);
}

/** CPU of this process and of its reaped children (the `ss` it runs), ms, from /proc/self/stat (10 ms ticks). */
function cpuWithChildrenMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // Fields from 3 (state): utime 14, stime 15, cutime 16, cstime 17.
  return [14, 15, 16, 17].reduce((sum, field) => sum + Number(fields[field - 3]), 0) * 10;
}

export async function processSamplingSection(_options: BenchOptions, log: (line: string) => void): Promise<string> {
  if (process.platform !== 'linux') return '## Process telemetry sampling\n\nLinux only (/proc).\n';
  const dir = await mkdtemp(join(tmpdir(), 'loadlab-bench-sampling-'));
  const guard = new ProcessGroupGuard();
  const sockets: net.Socket[] = [];
  try {
    const port = await freePort();
    await writeFile(
      join(dir, 'nginx.conf'),
      `worker_processes 2;\npid ${dir}/nginx.pid;\nerror_log stderr warn;\nevents { worker_connections 1024; }\nhttp { access_log off; client_body_temp_path ${dir}/b; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f; uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s; keepalive_timeout 300s;\n  server { listen 127.0.0.1:${port}; location / { return 200 "hi\\n"; } } }\n`,
    );
    const server = await launchServer({ command: ['nginx', '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], shell: false, cwd: dir, env: {}, ready: { kind: 'tcp', host: '127.0.0.1', port } }, guard);
    for (let i = 0; i < CONNECTIONS; i++) {
      sockets.push(await new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      }));
    }
    log(`sampling nginx (pid ${server.pid}) with ${CONNECTIONS} open connections, ${SAMPLES} samples`);
    let offsetMs = 0;
    const sampler = new ProcTreeSampler(server.pid, { clockMs: () => performance.now() + offsetMs });
    let fds = 0;
    let walks = 0;
    const namespaceSockets = socketLines();
    const startMs = cpuWithChildrenMs();
    for (let i = 0; i < SAMPLES; i++) {
      offsetMs += INTERVAL_MS;
      const point = await sampler.sample(Date.now());
      fds = point?.openFds ?? fds;
      if (point?.tcpByState != null) walks++;
    }
    const perSampleMs = (cpuWithChildrenMs() - startMs) / SAMPLES;
    await server.stop();
    return [
      '## Process telemetry sampling\n',
      `CPU of the sampling (this process and the \`ss\` it runs) per sample of nginx (master + 2 workers, ${fds} open fds, ${CONNECTIONS} connections), mean of ${SAMPLES} samples at a 1 s interval (taken back to back, the sampler's clock advanced 1 s each), a full fd scan every ${RESCAN_SAMPLES} included. % of one core = ms per sample / 10. Connections by state need a walk of the namespace's whole socket table (${namespaceSockets} sockets here, other programs' included), taken when it costs under ${(WALK_BUDGET * 100).toFixed(1)} % of the time since the last one.\n`,
      table(['CPU ms per sample', '% of a core at 1 s', 'samples with connections by state'], [[perSampleMs.toFixed(2), (perSampleMs / 10).toFixed(2), `${walks} of ${SAMPLES}`]]),
    ].join('\n');
  } finally {
    for (const socket of sockets) socket.destroy();
    await guard.stopAll();
    await rm(dir, { recursive: true, force: true });
  }
}
