import { httpsRequest, HttpsResponse } from './issuerHttp';

/** A cluster as a bearer-token client sees it. */
export interface BearerTarget {
  server: string;
  /** Base64 PEM of the cluster CA. */
  caData: string;
}

/** One request to a kube-apiserver with a bearer token (an ID token, say). */
export function apiserverRequest(
  target: BearerTarget,
  token: string,
  apiPath: string,
  init: { method?: string; body?: unknown } = {},
): Promise<HttpsResponse> {
  return httpsRequest(`${target.server}${apiPath}`, {
    ca: Buffer.from(target.caData, 'base64'),
    method: init.method,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
  });
}

/** Who the API server says the token is (a SelfSubjectReview), or the HTTP status it refused with. */
export async function whoAmI(
  target: BearerTarget,
  token: string,
): Promise<{ username?: string; groups?: string[]; status: number }> {
  const response = await apiserverRequest(
    target,
    token,
    '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    {
      method: 'POST',
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'SelfSubjectReview',
      },
    },
  );
  if (response.status !== 201) return { status: response.status };
  const info = JSON.parse(response.body).status?.userInfo ?? {};
  return {
    status: response.status,
    username: info.username,
    groups: info.groups,
  };
}

/**
 * Waits until the API server accepts the issuer's tokens as `username`: it fetches the issuer's
 * keys in the background after it starts or reloads its authentication config.
 */
export async function waitForOidcAuthentication(
  target: BearerTarget,
  token: string,
  username: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    signal?.throwIfAborted();
    try {
      const who = await whoAmI(target, token);
      if (who.username === username) return;
      last = who.username
        ? `it says ${who.username}`
        : `it answers ${who.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${target.server} does not accept the local issuer's ID token as ${username} (${last})`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}
