import { describe, expect, it } from 'vitest';
import { parseOptions } from './options.ts';

describe('npm run bench options', () => {
  it('--only tls picks the TLS section alone', () => {
    expect(parseOptions(['--', '--only', 'tls', '--rounds', '3'])).toEqual({ rounds: 3, durationS: 5, only: ['tls'] });
  });

  it('the TLS section follows throughput in a full run, and unknown sections are refused', () => {
    expect(parseOptions([]).only.slice(0, 2)).toEqual(['throughput', 'tls']);
    expect(() => parseOptions(['--only', 'https'])).toThrow(/--only takes throughput\|tls\|/);
  });

  it('--only tlsconnrate picks the TLS connection-rate section, which follows connrate in a full run', () => {
    expect(parseOptions(['--only', 'tlsconnrate']).only).toEqual(['tlsconnrate']);
    const all = parseOptions([]).only;
    expect(all.indexOf('tlsconnrate')).toBe(all.indexOf('connrate') + 1);
  });
});
