import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { statePaths, StatePaths } from '../paths';
import { issuerPaths, IssuerRecord, readIssuerRecord } from './issuerFiles';
import { httpsRequest, HttpsResponse } from './issuerHttp';
import {
  BACKSTAGE_OIDC_CALLBACK,
  findLocalIssuerUser,
} from './localIssuerUsers';

/** Where the local issuer runs and the CA to reach it, as `yarn clusters up` recorded them. */
export interface LocalIssuer extends IssuerRecord {
  /** The CA certificate (PEM) that signed the issuer's TLS certificate. */
  caPem: string;
}

/** The running local issuer; throws when `yarn clusters up` has not started one. */
export function loadLocalIssuer(paths: StatePaths = statePaths()): LocalIssuer {
  const record = readIssuerRecord(issuerPaths(paths));
  if (!record) {
    throw new Error(
      `no local OIDC issuer is recorded under ${paths.root}; run \`yarn clusters up\``,
    );
  }
  return { ...record, caPem: fs.readFileSync(record.caFile, 'utf8') };
}

export interface LocalIssuerTokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

/** Cookies by name, as a browser would keep them for one site (paths ignored: we send all). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: HttpsResponse) {
    const header = response.headers['set-cookie'];
    for (const line of Array.isArray(header) ? header : []) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs a user in at the local issuer the way a browser does, through the real authorization
 * code flow over HTTPS (authorize, the sign-in form, the code exchange as Backstage's client),
 * and returns the tokens. The ID token is the one the local API servers accept for that user.
 */
export async function signInAtLocalIssuer(
  userName: string,
  options: { issuer?: LocalIssuer; scope?: string } = {},
): Promise<LocalIssuerTokens> {
  const user = findLocalIssuerUser(userName);
  const issuer = options.issuer ?? loadLocalIssuer();
  const jar = new CookieJar();
  const step = async (
    what: string,
    url: string,
    init: { method?: string; body?: string; headers?: Record<string, string> },
    expectStatus: number,
  ) => {
    const response = await httpsRequest(new URL(url, issuer.issuer).href, {
      ca: issuer.caPem,
      method: init.method,
      body: init.body,
      headers: { cookie: jar.header(), ...init.headers },
    });
    jar.take(response);
    if (response.status !== expectStatus) {
      throw new Error(
        `local issuer: ${what} answered ${
          response.status
        }, expected ${expectStatus}: ${response.body.slice(0, 300)}`,
      );
    }
    return response;
  };
  const location = (response: HttpsResponse) =>
    new URL(String(response.headers.location), issuer.issuer);

  const state = randomBytes(12).toString('hex');
  const authorize = new URL('/auth', issuer.issuer);
  authorize.search = new URLSearchParams({
    client_id: issuer.clientId,
    redirect_uri: BACKSTAGE_OIDC_CALLBACK,
    response_type: 'code',
    scope: options.scope ?? 'openid email profile groups',
    state,
    nonce: randomBytes(12).toString('hex'),
  }).toString();
  const toLogin = location(
    await step('the authorization request', authorize.href, {}, 303),
  );
  const form = await step('the sign-in page', toLogin.href, {}, 200);
  if (!form.body.includes(`value="${user.name}"`)) {
    throw new Error(`local issuer: the sign-in page offers no ${user.name}`);
  }
  const resume = location(
    await step(
      'the sign-in form',
      `${toLogin.pathname}/login`,
      {
        method: 'POST',
        body: new URLSearchParams({ login: user.name }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      303,
    ),
  );
  const callback = location(
    await step('resuming the authorization', resume.href, {}, 303),
  );
  const code = callback.searchParams.get('code');
  if (
    !callback.href.startsWith(BACKSTAGE_OIDC_CALLBACK) ||
    !code ||
    callback.searchParams.get('state') !== state
  ) {
    throw new Error(
      `local issuer: expected a code for ${BACKSTAGE_OIDC_CALLBACK}, was sent to ${callback.href}`,
    );
  }
  const token = await step(
    'the code exchange',
    '/token',
    {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: BACKSTAGE_OIDC_CALLBACK,
      }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(issuer.clientId)}:${encodeURIComponent(
            issuer.clientSecret,
          )}`,
        ).toString('base64')}`,
      },
    },
    200,
  );
  const json = JSON.parse(token.body);
  return {
    idToken: json.id_token,
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    expiresIn: json.expires_in,
  };
}
