// The built-in server's certificate: the files given (--cert/--key), or its own self-signed
// certificate for localhost, 127.0.0.1 and ::1, made on first use and kept in a folder the
// caller names (the user data folder's "tls"), so clients can trust it once (`bench --ca`).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { createLocalhostCertificate, type PemPair } from '../common/certificates.ts';

export const LOCAL_CERT_FILE = 'localhost-cert.pem';
export const LOCAL_KEY_FILE = 'localhost-key.pem';

/** Renew a kept certificate that ends within this many days. */
const RENEW_BEFORE_MS = 7 * 86_400_000;

export interface ServerCertificate extends PemPair {
  certFile: string;
  /** Made by this call (first use, or the kept one was unreadable or ending). */
  created: boolean;
}

export async function readCertificateFiles(certFile: string, keyFile: string): Promise<PemPair> {
  const read = async (file: string, what: string): Promise<string> => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  };
  const certPem = await read(certFile, 'certificate');
  const keyPem = await read(keyFile, 'key');
  if (!certPem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${certFile} holds no PEM certificate`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyPem)) throw new Error(`${keyFile} holds no PEM private key`);
  let matches: boolean;
  try {
    matches = new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));
  } catch (error) {
    throw new Error(`cannot read the certificate ${certFile} or the key ${keyFile}: ${(error as Error).message}`);
  }
  if (!matches) throw new Error(`the key in ${keyFile} does not belong to the certificate in ${certFile}`);
  return { certPem, keyPem };
}

/** The kept self-signed localhost certificate in `folder`; made (and kept) when missing, unreadable or ending. */
export async function localCertificate(folder: string, nowMs = Date.now()): Promise<ServerCertificate> {
  const certFile = join(folder, LOCAL_CERT_FILE);
  const keyFile = join(folder, LOCAL_KEY_FILE);
  try {
    const pair = await readCertificateFiles(certFile, keyFile);
    if (Date.parse(new X509Certificate(pair.certPem).validTo) - nowMs > RENEW_BEFORE_MS) return { ...pair, certFile, created: false };
  } catch {
    // Missing or damaged: make a new one below.
  }
  const pair = await createLocalhostCertificate();
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // Key first and each file renamed into place, so a reader never pairs a new cert with an old key
  // for long, and never sees half a file.
  await writeAtomic(keyFile, pair.keyPem, 0o600);
  await writeAtomic(certFile, pair.certPem, 0o644);
  return { ...pair, certFile, created: true };
}

async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode });
  await rename(temp, file);
}
