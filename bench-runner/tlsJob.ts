// The host's half of https: reads the CA file once and checks the TLS settings before any
// thread starts, so a bad --ca stops the run with a clear message (a setup error).
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import type { BenchConfig, TargetAddress } from './config.ts';
import type { TlsJob } from './messages.ts';

export const DEFAULT_TLS = { insecure: false, caFile: null, resume: true } as const;

/** The workers' TLS job for an https target; null for http. Throws an Error that says what is wrong. */
export function tlsJobFor(config: BenchConfig, target: TargetAddress): TlsJob | null {
  const settings = config.tls ?? DEFAULT_TLS;
  if (!target.tls) return null; // config.ts refuses --ca and --insecure for http
  let caPem: string | null = null;
  if (settings.caFile !== null) {
    try {
      caPem = readFileSync(settings.caFile, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the CA file ${settings.caFile}: ${(error as Error).message}`);
    }
    if (!caPem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`the CA file ${settings.caFile} holds no PEM certificate`);
    try {
      tls.createSecureContext({ ca: [...tls.rootCertificates, caPem] });
    } catch (error) {
      throw new Error(`the CA file ${settings.caFile} is not a usable certificate: ${(error as Error).message}`);
    }
  }
  // RFC 6066: no IP literal in SNI; the certificate is then checked against its IP addresses.
  const servername = net.isIP(target.host) === 0 ? target.host : null;
  return { servername, caPem, insecure: settings.insecure, resume: settings.resume };
}
