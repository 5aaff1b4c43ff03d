// A run over TLS: handshakes (resumed ones apart), their time, the protocol, TLS failures by kind
// with their first message, and, loudly, whether certificate verification was skipped.
import type { RunRecord } from '../../../../common/runRecord.ts';
import * as figures from '../../format/figures.ts';
import { Stat } from '../../ui/Stat.tsx';

export function TlsSection({ record }: { record: RunRecord }) {
  const settings = record.target.tls ?? null;
  const tls = record.summary.tls ?? null;
  if (settings === null && tls === null) return null;
  const handshakeUs = tls?.handshakeUs ?? null;
  const protocols = tls === null ? [] : Object.entries(tls.protocols).sort(([a], [b]) => a.localeCompare(b));
  const failed = tls === null ? 0 : tls.errors.certificate + tls.errors.handshake + tls.errors.protocol;
  return (
    <section className="panel" aria-labelledby="tls-title">
      <header className="panel-head">
        <h2 id="tls-title">TLS</h2>
        <span className="muted">{settings === null ? 'TLS met at an http target' : `verification ${settings.insecure ? 'OFF' : 'on'}${settings.caFile === null ? '' : `, trusting ${settings.caFile}`} · session resumption ${settings.resume ? 'on' : 'off'}`}</span>
      </header>
      {settings?.insecure === true && (
        <div className="note error" role="alert">
          <strong>Certificate verification was skipped (--insecure).</strong> The server was not authenticated: any certificate, or a man in the middle, was accepted.
        </div>
      )}
      {tls !== null && (
        <div className="stats">
          <Stat label="TLS handshakes" value={figures.count(tls.handshakes)} detail={`${figures.count(tls.resumed)} resumed${protocols.length === 0 ? '' : ` · ${protocols.map(([name, n]) => `${name} × ${figures.count(n)}`).join(' · ')}`}`} />
          <Stat label="handshake p50" value={figures.latency(handshakeUs?.p50)} detail="TCP connected → handshake done" />
          <Stat label="handshake p99" value={figures.latency(handshakeUs?.p99)} />
          <Stat label="handshake max" value={figures.latency(handshakeUs?.max)} />
          <Stat
            label="TLS errors"
            value={figures.count(failed)}
            tone={failed > 0 ? 'bad' : undefined}
            detail={`certificate ${tls.errors.certificate} · handshake ${tls.errors.handshake} · protocol ${tls.errors.protocol}`}
          />
        </div>
      )}
      {tls !== null && (
        <dl className="facts">
          {(['certificate', 'handshake', 'protocol'] as const).map((kind) => {
            const example = tls.errorExamples[kind];
            return example === null ? null : (
              <div key={kind}>
                <dt>first {kind} error</dt>
                <dd>{example}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
