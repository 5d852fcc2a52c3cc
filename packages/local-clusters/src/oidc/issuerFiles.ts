import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StatePaths } from '../paths';
import { writePrivateFile } from '../fleet/fleetState';

/** Every file of the local OpenID Connect issuer, under `.local-clusters/oidc/`. */
export interface IssuerPaths {
  dir: string;
  /** The locally generated CA that signed the issuer's TLS certificate (PEM). */
  caCert: string;
  caKey: string;
  tlsCert: string;
  tlsKey: string;
  /** The RSA key ID tokens are signed with (a private JWK). */
  signingKey: string;
  /** Client secret and cookie key (private). */
  secrets: string;
  /** Where the running issuer listens: {@link IssuerRecord}. */
  record: string;
  pid: string;
  log: string;
}

export function issuerPaths(paths: StatePaths): IssuerPaths {
  return issuerPathsIn(path.join(paths.root, 'oidc'), paths.logsDir);
}

export function issuerPathsIn(dir: string, logsDir: string): IssuerPaths {
  return {
    dir,
    caCert: path.join(dir, 'ca.crt'),
    caKey: path.join(dir, 'ca.key'),
    tlsCert: path.join(dir, 'tls.crt'),
    tlsKey: path.join(dir, 'tls.key'),
    signingKey: path.join(dir, 'signing-key.jwk.json'),
    secrets: path.join(dir, 'secrets.json'),
    record: path.join(dir, 'issuer.json'),
    pid: path.join(dir, 'issuer.pid'),
    log: path.join(logsDir, 'local-oidc-issuer.log'),
  };
}

export interface IssuerSecrets {
  clientSecret: string;
  cookieKey: string;
}

/** What `yarn clusters up` recorded about the running issuer. */
export interface IssuerRecord {
  /** `https://127.0.0.1:<port>`: the `iss` of every token it signs. */
  issuer: string;
  port: number;
  clientId: string;
  clientSecret: string;
  /** Path of the CA certificate that a client must trust to reach the issuer. */
  caFile: string;
}

/**
 * Creates what the issuer needs once and keeps it across restarts: a CA and a server
 * certificate for 127.0.0.1 and localhost (the kube-apiserver accepts only an https issuer),
 * the signing key, the client secret. Reusing them lets running API servers keep trusting it.
 */
export function ensureIssuerFiles(files: IssuerPaths): IssuerSecrets {
  fs.mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  if (!certificateUsable(files)) generateCertificates(files);
  if (!fs.existsSync(files.signingKey)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = {
      ...privateKey.export({ format: 'jwk' }),
      kid: `local-${randomBytes(6).toString('hex')}`,
      alg: 'RS256',
      use: 'sig',
    };
    writePrivateFile(files.signingKey, `${JSON.stringify(jwk)}\n`);
  }
  if (!fs.existsSync(files.secrets)) {
    const secrets: IssuerSecrets = {
      clientSecret: randomBytes(24).toString('hex'),
      cookieKey: randomBytes(24).toString('hex'),
    };
    writePrivateFile(files.secrets, `${JSON.stringify(secrets)}\n`);
  }
  return JSON.parse(fs.readFileSync(files.secrets, 'utf8'));
}

export function readIssuerRecord(files: IssuerPaths): IssuerRecord | undefined {
  if (!fs.existsSync(files.record)) return undefined;
  return JSON.parse(fs.readFileSync(files.record, 'utf8'));
}

export function writeIssuerRecord(files: IssuerPaths, record: IssuerRecord) {
  writePrivateFile(files.record, `${JSON.stringify(record, null, 2)}\n`);
}

/** True when the server certificate exists, is signed by our CA and valid for another day. */
function certificateUsable(files: IssuerPaths): boolean {
  try {
    const ca = new X509Certificate(fs.readFileSync(files.caCert));
    const cert = new X509Certificate(fs.readFileSync(files.tlsCert));
    const dayAhead = Date.now() + 24 * 3600 * 1000;
    return (
      fs.existsSync(files.tlsKey) &&
      cert.verify(ca.publicKey) &&
      new Date(cert.validTo).getTime() > dayAhead &&
      new Date(ca.validTo).getTime() > dayAhead
    );
  } catch {
    return false;
  }
}

function generateCertificates(files: IssuerPaths) {
  const openssl = (args: string[]) =>
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    files.caKey,
    '-out',
    files.caCert,
    '-days',
    '3650',
    '-subj',
    '/CN=Kubeplatform local OIDC issuer CA (demo only)',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const csr = path.join(files.dir, 'tls.csr');
  const ext = path.join(files.dir, 'tls.ext');
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    files.tlsKey,
    '-out',
    csr,
    '-subj',
    '/CN=127.0.0.1',
  ]);
  fs.writeFileSync(
    ext,
    [
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    files.caCert,
    '-CAkey',
    files.caKey,
    '-CAcreateserial',
    '-out',
    files.tlsCert,
    '-days',
    '365',
    '-extfile',
    ext,
  ]);
  for (const f of [csr, ext, path.join(files.dir, 'ca.srl')]) {
    fs.rmSync(f, { force: true });
  }
  fs.chmodSync(files.caKey, 0o600);
  fs.chmodSync(files.tlsKey, 0o600);
}
