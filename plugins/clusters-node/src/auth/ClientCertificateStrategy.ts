import fs from 'node:fs';
import {
  ClusterAuthStrategy,
  ClusterCredential,
  ClusterDefinition,
} from '../types';

/**
 * `authProvider: clientCertificate`: an x509 client certificate and key, given inline as PEM
 * (`clientCertData`, `clientKeyData`, base64 like a kubeconfig) or as files (`clientCertFile`,
 * `clientKeyFile`).
 */
export class ClientCertificateStrategy implements ClusterAuthStrategy {
  async getCredential(cluster: ClusterDefinition): Promise<ClusterCredential> {
    const m = cluster.authMetadata;
    const cert = readPem(m.clientCertFile, m.clientCertData);
    const key = readPem(m.clientKeyFile, m.clientKeyData);
    if (!cert || !key) {
      throw new Error(
        `cluster '${cluster.name}' uses authProvider clientCertificate but lacks a certificate or key`,
      );
    }
    return { type: 'x509 client certificate', cert, key };
  }

  validateCluster(m: Record<string, string>): Error[] {
    const errors: Error[] = [];
    if (!m.clientCertFile && !m.clientCertData) {
      errors.push(new Error('clientCertData or clientCertFile is required'));
    }
    if (!m.clientKeyFile && !m.clientKeyData) {
      errors.push(new Error('clientKeyData or clientKeyFile is required'));
    }
    return errors;
  }
}

function readPem(file?: string, base64?: string): string | undefined {
  if (file) return fs.readFileSync(file, 'utf8');
  if (base64) return Buffer.from(base64, 'base64').toString('utf8');
  return undefined;
}
