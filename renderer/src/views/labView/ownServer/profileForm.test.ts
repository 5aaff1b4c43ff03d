import { describe, expect, it } from 'vitest';
import { emptyForm, formOf, profileOf, type ProfileForm } from './profileForm.ts';

const nginx: ProfileForm = {
  ...emptyForm,
  name: 'nginx-2',
  commandLine: "nginx -c /tmp/lab/nginx.conf -g 'daemon off;'",
  cwd: '/tmp/lab',
  readyKind: 'tcp',
  readyPort: '8080',
  restartEachRun: true,
  warmupS: '2',
};

describe('profileOf', () => {
  it('quoted words become argv (no shell); the URL defaults to the ready port; seconds to ms', () => {
    const { profile } = profileOf(nginx);
    expect(profile).toEqual({
      schema: 'loadlab.server/1',
      name: 'nginx-2',
      command: ['nginx', '-c', '/tmp/lab/nginx.conf', '-g', 'daemon off;'],
      shell: false,
      cwd: '/tmp/lab',
      env: {},
      url: 'http://127.0.0.1:8080/',
      ready: { kind: 'tcp', host: '127.0.0.1', port: 8080 },
      readyTimeoutMs: 30_000,
      restartEachRun: true,
      warmupMs: 2000,
    });
  });

  it('round-trips through formOf (quoting, env, log pattern, shell)', () => {
    const cases: ProfileForm[] = [
      nginx,
      { ...nginx, name: 'sh', shell: true, commandLine: 'cargo build --release && ./target/release/server', env: 'RUST_LOG=info\nA=b=c', readyKind: 'log', readyPattern: 'listening on \\d+', url: 'http://127.0.0.1:7878/' },
    ];
    for (const form of cases) {
      const { profile } = profileOf(form);
      expect(profile).not.toBeNull();
      if (profile !== null) expect(profileOf(formOf(profile)).profile).toEqual(profile);
    }
    expect(profileOf(cases[1] as ProfileForm).profile?.env).toEqual({ RUST_LOG: 'info', A: 'b=c' });
  });

  it('says what is wrong with every field at once, on that field', () => {
    const { problems } = profileOf({ ...emptyForm, name: '.hidden', commandLine: "nginx -g 'daemon off;", cwd: 'relative', env: 'NOEQUALS', url: 'ftp://x/', readyPort: '70000', readyTimeoutS: '0', warmupS: 'soon' });
    expect(problems).toMatchObject({
      name: expect.stringMatching(/a profile name is 1-64 letters/),
      commandLine: expect.stringMatching(/unterminated ' quote/),
      cwd: expect.stringMatching(/absolute path/),
      env: 'line 1: NAME=VALUE expected, got "NOEQUALS"',
      url: expect.stringMatching(/not an http/),
      readyPort: 'a TCP port, 1-65535',
      readyTimeoutS: expect.stringMatching(/above 0/),
      warmupS: expect.stringMatching(/number of seconds/),
    });
  });

  it('a log pattern that does not compile, an empty http URL', () => {
    expect(profileOf({ ...nginx, readyKind: 'log', readyPattern: '(' }).problems?.readyPattern).toMatch(/Invalid regular expression/);
    expect(profileOf({ ...nginx, readyKind: 'http', readyUrl: '' }).problems?.readyUrl).toMatch(/not an http/);
    expect(profileOf({ ...nginx, commandLine: '   ' }).problems?.commandLine).toBe('the command is empty');
  });
});
