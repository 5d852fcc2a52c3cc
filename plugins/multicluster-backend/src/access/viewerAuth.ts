import { InputError } from '@backstage/errors';
import type { ViewerRequestAuth } from '@kubeplatform/clusters-node';
import type { Request } from 'express';

/**
 * The header prefix that carries a viewer's provider token for user-level clusters, one header
 * per provider, in the style of upstream's proxy header `Backstage-Kubernetes-Authorization`:
 * `Backstage-Kubernetes-Authorization-Oidc-<oidcTokenProvider>`, `…-Google`, `…-Aks`, each
 * `Bearer <token>`.
 */
export const VIEWER_TOKEN_HEADER_PREFIX = 'backstage-kubernetes-authorization-';

const MAX_HEADERS = 8;
const MAX_TOKEN_LENGTH = 16 * 1024;
const PROVIDER = /^[a-z0-9][a-z0-9._-]{0,62}$/;
/**
 * `Bearer <b64token>` (RFC 6750 section 2.1): ID tokens (JWTs) and Google access tokens fit; a
 * value with any other character is no bearer token and is not forwarded to a cluster.
 */
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/**
 * The viewer's provider tokens, in upstream's request-auth shape
 * (`{ oidc: { okta: token }, google: token, aks: token }`), read from the request's headers.
 * Malformed headers are refused with a message that never echoes a token.
 */
export function viewerAuthOf(req: Pick<Request, 'headers'>): ViewerRequestAuth {
  const auth: ViewerRequestAuth = {};
  const names = Object.keys(req.headers).filter(h =>
    h.toLowerCase().startsWith(VIEWER_TOKEN_HEADER_PREFIX),
  );
  if (names.length > MAX_HEADERS) {
    throw new InputError(
      `At most ${MAX_HEADERS} Backstage-Kubernetes-Authorization-* headers are accepted`,
    );
  }
  for (const name of names) {
    const provider = name
      .toLowerCase()
      .slice(VIEWER_TOKEN_HEADER_PREFIX.length);
    const raw = req.headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    const match = BEARER.exec(value ?? '');
    if (!match || match[1].length > MAX_TOKEN_LENGTH) {
      throw new InputError(
        `Header ${name} must be 'Bearer <token>' with a token of at most ${MAX_TOKEN_LENGTH} characters`,
      );
    }
    const token = match[1];
    if (provider.startsWith('oidc-')) {
      const oidcProvider = provider.slice('oidc-'.length);
      if (!PROVIDER.test(oidcProvider)) {
        throw new InputError(`Header ${name} names no valid oidc provider`);
      }
      auth.oidc = { ...auth.oidc, [oidcProvider]: token };
    } else if (provider === 'google' || provider === 'aks') {
      auth[provider] = token;
    } else {
      throw new InputError(
        `Header ${name}: unknown provider; use Oidc-<oidcTokenProvider>, Google or Aks`,
      );
    }
  }
  return auth;
}
