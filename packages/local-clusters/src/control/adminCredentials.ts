import fs from 'node:fs';
import path from 'node:path';

/** The admin client certificate kwokctl generated for a cluster, as base64 PEM. */
export interface AdminCredentials {
  caData: string;
  certData: string;
  keyData: string;
}

export function readAdminCredentials(workdir: string): AdminCredentials {
  const pki = path.join(workdir, 'pki');
  const read = (file: string) =>
    fs.readFileSync(path.join(pki, file)).toString('base64');
  return {
    caData: read('ca.crt'),
    certData: read('admin.crt'),
    keyData: read('admin.key'),
  };
}
