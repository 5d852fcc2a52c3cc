import fs from 'node:fs';
import {
  PackageScript,
  runningScriptPid,
  startPackageScript,
} from '../control/packageScript';
import { choosePort } from '../control/ports';
import { isAlive, terminate } from '../control/processes';
import { StatePaths } from '../paths';
import {
  ensureIssuerFiles,
  issuerPaths,
  IssuerPaths,
  IssuerRecord,
  readIssuerRecord,
  writeIssuerRecord,
} from './issuerFiles';
import { httpsGet } from './issuerHttp';
import {
  LOCAL_ISSUER_CLIENT_ID,
  LOCAL_ISSUER_DEFAULT_PORT,
} from './localIssuerUsers';

const issuer = (files: IssuerPaths): PackageScript => ({
  entry: 'oidc/local-oidc-issuer.ts',
  pidFile: files.pid,
  logFile: files.log,
  title: 'the local OIDC issuer',
});

/** True when the issuer answers its discovery document with itself as the issuer. */
async function answers(record: IssuerRecord): Promise<boolean> {
  try {
    const response = await httpsGet(
      `${record.issuer}/.well-known/openid-configuration`,
      fs.readFileSync(record.caFile),
      2000,
    );
    return (
      response.status === 200 &&
      JSON.parse(response.body).issuer === record.issuer
    );
  } catch {
    return false;
  }
}

/**
 * Starts the local OpenID Connect issuer unless it already runs, waits until it answers, and
 * records where it listens. Keeps its CA, signing key and client secret from before.
 */
export async function ensureIssuer(
  paths: StatePaths,
  signal?: AbortSignal,
): Promise<IssuerRecord & { pid: number; reused: boolean }> {
  const files = issuerPaths(paths);
  const secrets = ensureIssuerFiles(files);
  const before = readIssuerRecord(files);
  const existing = runningScriptPid(issuer(files));
  if (existing && before && (await answers(before))) {
    return { ...before, pid: existing, reused: true };
  }
  if (existing) await terminate([existing], 5000);

  const port = await choosePort(
    before?.port ?? LOCAL_ISSUER_DEFAULT_PORT,
    new Set(),
    () => undefined,
  );
  const record: IssuerRecord = {
    issuer: `https://127.0.0.1:${port}`,
    port,
    clientId: LOCAL_ISSUER_CLIENT_ID,
    clientSecret: secrets.clientSecret,
    caFile: files.caCert,
  };
  const pid = startPackageScript(issuer(files), [files.dir, String(port)]);
  writeIssuerRecord(files, record);

  const deadline = Date.now() + 30_000;
  while (!(await answers(record))) {
    signal?.throwIfAborted();
    if (!isAlive(pid) || Date.now() > deadline) {
      throw new Error(
        `the local OIDC issuer did not answer at ${record.issuer}; see ${files.log}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
  return { ...record, pid, reused: false };
}

/** Stops the issuer; its CA and keys stay for the next `up`, unless `forget` is set. */
export async function stopIssuer(
  paths: StatePaths,
  options: { forget?: boolean } = {},
): Promise<boolean> {
  const files = issuerPaths(paths);
  const pid = runningScriptPid(issuer(files));
  fs.rmSync(files.pid, { force: true });
  fs.rmSync(files.record, { force: true });
  if (options.forget) fs.rmSync(files.dir, { recursive: true, force: true });
  if (!pid) return false;
  await terminate([pid], 5000);
  return true;
}

export function issuerPid(paths: StatePaths): number | undefined {
  return runningScriptPid(issuer(issuerPaths(paths)));
}
