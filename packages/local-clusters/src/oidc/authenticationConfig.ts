import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { StatePaths } from '../paths';
import { IssuerRecord } from './issuerFiles';
import { OIDC_USERNAME_PREFIX } from './localIssuerUsers';

/** The file every local kube-apiserver reads with `--authentication-config`. */
export function authenticationConfigPath(paths: StatePaths): string {
  return path.join(paths.configDir, 'authentication-config.yaml');
}

/** The kube-apiserver flags that make it trust the local issuer. Fixed, so the fleet's config hash is. */
export function oidcApiserverArgs(paths: StatePaths): Record<string, string> {
  return { 'authentication-config': authenticationConfigPath(paths) };
}

/**
 * A structured AuthenticationConfiguration (Kubernetes 1.30+) trusting the local issuer's ID
 * tokens for Backstage's client: the user is `oidc:<email>` (the API server requires
 * `email_verified` for an email claim), groups are `oidc:<group>`.
 */
export function renderAuthenticationConfig(
  issuer: IssuerRecord,
  caPem: string,
): string {
  return stringify({
    apiVersion: 'apiserver.config.k8s.io/v1beta1',
    kind: 'AuthenticationConfiguration',
    jwt: [
      {
        issuer: {
          url: issuer.issuer,
          certificateAuthority: caPem,
          audiences: [issuer.clientId],
        },
        claimMappings: {
          username: { claim: 'email', prefix: OIDC_USERNAME_PREFIX },
          groups: { claim: 'groups', prefix: OIDC_USERNAME_PREFIX },
          uid: { claim: 'sub' },
        },
        userValidationRules: [
          {
            expression: "!user.username.startsWith('system:')",
            message:
              'a username from the local issuer may not start with system:',
          },
        ],
      },
    ],
  });
}

/**
 * Writes the file. Running API servers reload it on change, so a new issuer port or CA reaches
 * them without a restart; it must exist before an API server starts.
 */
export function writeAuthenticationConfig(
  paths: StatePaths,
  issuer: IssuerRecord,
): string {
  const file = authenticationConfigPath(paths);
  const content = renderAuthenticationConfig(
    issuer,
    fs.readFileSync(issuer.caFile, 'utf8'),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  }
  return file;
}
