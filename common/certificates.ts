// X.509 certificates made in process (ECDSA P-256, WebCrypto through @peculiar/x509): the
// built-in server's self-signed certificate and the test certificates (a private CA, expired
// or wrongly named leaves). No network, no openssl binary. Returns PEM text.
import * as x509 from '@peculiar/x509';

type WebCrypto = typeof globalThis.crypto;
type KeyPair = Extract<Awaited<ReturnType<WebCrypto['subtle']['generateKey']>>, { privateKey: unknown }>;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface PemPair {
  certPem: string;
  keyPem: string;
}

/** A certificate with its key, kept as CryptoKeys so it can sign others. */
export interface Issuer extends PemPair {
  readonly name: string;
  readonly keys: KeyPair;
}

export interface CertificateRequest {
  commonName: string;
  /** Host names (DNS) and addresses (IPv4/IPv6 literals) the certificate is valid for. */
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Signed by this CA; self-signed without one. */
  issuer?: Issuer;
  /** A CA that may sign others. */
  isCa?: boolean;
}

const DAY_MS = 86_400_000;

export async function createCertificate(request: CertificateRequest): Promise<Issuer> {
  const webCrypto = globalThis.crypto;
  const keys = (await webCrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as KeyPair;
  const name = `CN=${request.commonName}`;
  const notBefore = request.notBefore ?? new Date(Date.now() - DAY_MS);
  const notAfter = request.notAfter ?? new Date(notBefore.getTime() + 825 * DAY_MS);
  const altNames = [
    ...(request.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(request.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(request.isCa === true, undefined, true),
    new x509.KeyUsagesExtension(
      request.isCa === true ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature : x509.KeyUsageFlags.digitalSignature,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, webCrypto),
  ];
  if (altNames.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(altNames));
  if (request.isCa !== true) extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]));
  const serialNumber = randomSerial(webCrypto);
  const certificate = request.issuer
    ? await x509.X509CertificateGenerator.create(
        {
          serialNumber,
          subject: name,
          issuer: request.issuer.name,
          notBefore,
          notAfter,
          signingAlgorithm: ALGORITHM,
          publicKey: keys.publicKey,
          signingKey: request.issuer.keys.privateKey,
          extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(request.issuer.keys.publicKey, false, webCrypto)],
        },
        webCrypto,
      )
    : await x509.X509CertificateGenerator.createSelfSigned({ serialNumber, name, notBefore, notAfter, signingAlgorithm: ALGORITHM, keys, extensions }, webCrypto);
  const pkcs8 = await webCrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { name, keys, certPem: certificate.toString('pem'), keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}

/** A positive 16-byte serial (the top bit clear, so DER needs no sign byte). */
function randomSerial(webCrypto: WebCrypto): string {
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The built-in server's own certificate: self-signed for localhost, 127.0.0.1 and ::1. */
export function createLocalhostCertificate(): Promise<PemPair> {
  return createCertificate({ commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'] });
}
