import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/** The credential plugin's sign-in request, read from the page's query. */
export interface CliSignInRequest {
  port: number;
  state: string;
}

/**
 * The sign-in the credential plugin asked for (`?cli-port=…&cli-state=…`), if the query holds
 * a valid one. Only a port is taken, never a URL: the token can only go to 127.0.0.1.
 */
export function cliSignInRequest(search: string): CliSignInRequest | undefined {
  const query = new URLSearchParams(search);
  const port = Number(query.get('cli-port'));
  const state = query.get('cli-state') ?? '';
  if (!Number.isInteger(port) || port < 1024 || port > 65535) return undefined;
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(state)) return undefined;
  return { port, state };
}

/** A limited token for the credential plugin, issued for the signed-in user's session. */
export async function issueCliToken(apis: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}): Promise<{ token: string; expiresAt: string }> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('devenv');
  const response = await apis.fetchApi.fetch(`${baseUrl}/cli/token`, {
    method: 'POST',
  });
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response.json();
}

/**
 * Hands the token to the plugin's loopback callback as a form post (a top-level navigation:
 * no CORS, and the token never appears in a URL or the browser history).
 */
export function postToCli(
  request: CliSignInRequest,
  issued: { token: string; expiresAt: string },
) {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = `http://127.0.0.1:${request.port}/callback`;
  const fields = { state: request.state, ...issued };
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}
