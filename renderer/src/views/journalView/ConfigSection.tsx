// How the run was made (target, load, server) and where (environment); unknown is said as such.
import type { RunRecord } from '../../../../common/runRecord.ts';
import { describeServerInfo, launchedServerFacts } from '../../../../common/serverDescription.ts';
import * as figures from '../../format/figures.ts';

export function ConfigSection({ record }: { record: RunRecord }) {
  const { load, target, server, env } = record;
  const rows: [string, string][] = [
    ['target', `${target.method} ${target.url}`],
    ['headers', target.headers.length === 0 ? 'none' : target.headers.map(([name, value]) => `${name}: ${value}`).join('; ')],
    ['body', target.bodyBytes === 0 ? 'none' : figures.bytes(target.bodyBytes)],
    ['mode', load.mode === 'rate' ? 'constant rate (wrk2 -R)' : load.mode === 'max' ? 'as fast as possible (wrk)' : 'connection rate (httperf)'],
    ['threads', load.workerThreads === undefined || load.workerThreads === load.threads ? figures.count(load.threads) : `${figures.count(load.threads)} on ${figures.count(load.workerThreads)} worker threads`],
    ['connections', load.mode === 'conn-rate' ? `${figures.count(load.connRate?.numConns)} in all, ${figures.count(load.connRate?.numCalls)} request(s) each` : figures.count(load.connections)],
    ['rate', load.ratePerSec === null ? 'none (max mode)' : `${figures.rate(load.ratePerSec)} ${load.mode === 'conn-rate' ? 'connections' : 'req'}/s`],
    ['duration', figures.duration(load.durationMs)],
    ['timeout', figures.duration(load.timeoutMs)],
    ['keep-alive (client)', figures.yesNo(load.keepAlive)],
    ['sample interval', figures.duration(load.intervalMs)],
    ['server', describeServerInfo(server)],
    ...launchedServerFacts(server),
    ['started', figures.dateTime(record.startedAt)],
    ['finished', figures.dateTime(record.finishedAt)],
    ['stopped early', figures.yesNo(record.stoppedEarly)],
    ['CPU', env === null ? figures.UNKNOWN : `${env.cpuModel} (${env.cores} cores)`],
    ['OS', env?.os ?? figures.UNKNOWN],
    ['Node / Electron', env === null ? figures.UNKNOWN : `${env.node}${env.electron === null ? '' : ` / ${env.electron}`}`],
    ['Loadlab', env?.app ?? figures.UNKNOWN],
  ];
  if (record.source !== undefined) {
    rows.push(['imported from', `${record.source.tool}${record.source.file === undefined ? '' : `, ${record.source.file}`}`]);
  }
  return (
    <section className="panel config" aria-labelledby="config-title">
      <header className="panel-head">
        <h2 id="config-title">Configuration and environment</h2>
      </header>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd className={value === figures.UNKNOWN ? 'unknown' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
