/**
 * The local OpenID Connect issuer, started in the background by `yarn clusters up` and stopped
 * by `yarn clusters down`. Demo only: it signs in the users of LOCAL_ISSUER_USERS without a
 * password, over HTTPS with a locally generated CA, for one client (Backstage). The local
 * kube-apiservers trust the ID tokens it signs (see authenticationConfig.ts).
 *
 * Usage: local-oidc-issuer <oidc state folder> <port>
 */
import fs from 'node:fs';
import https from 'node:https';
import { IncomingMessage, ServerResponse } from 'node:http';
// The issuer is a development tool of this private package, so oidc-provider stays a devDependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import Provider, { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { issuerPathsIn, IssuerSecrets } from './issuerFiles';
import {
  BACKSTAGE_OIDC_CALLBACK,
  LOCAL_ISSUER_CLIENT_ID,
  LOCAL_ISSUER_USERS,
  LocalIssuerUser,
} from './localIssuerUsers';

const log = (line: string) =>
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);

/** Every scope the client may ask for; the first-party client is granted all it asks. */
const SCOPES = 'openid email profile groups offline_access';

function userClaims(user: LocalIssuerUser) {
  return {
    sub: user.name,
    email: user.email,
    email_verified: true,
    name: user.displayName,
    preferred_username: user.name,
    groups: user.groups,
  };
}

function configuration(
  secrets: IssuerSecrets,
  signingKey: Record<string, unknown>,
): Configuration {
  return {
    clients: [
      {
        client_id: LOCAL_ISSUER_CLIENT_ID,
        client_secret: secrets.clientSecret,
        redirect_uris: [BACKSTAGE_OIDC_CALLBACK],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [secrets.cookieKey] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
      groups: ['groups'],
    },
    // The API server reads email and groups from the ID token itself, not from userinfo.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const user = LOCAL_ISSUER_USERS.find(u => u.name === sub);
      if (!user) return undefined;
      return { accountId: user.name, claims: async () => userClaims(user) };
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
    },
    interactions: {
      url: (_ctx, pending) => `/interaction/${pending.uid}`,
    },
    // Backstage is the issuer's only, first-party client: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        session.grantIdFor(client.clientId);
      if (grantId) {
        const found = await provider.Grant.find(grantId);
        if (found) return found;
      }
      const grant = new provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    // Backstage keeps a session by refreshing; it does not ask for offline_access.
    issueRefreshToken: async (_ctx, client) =>
      client.grantTypeAllowed('refresh_token'),
    ttl: {
      IdToken: 3600,
      AccessToken: 3600,
      RefreshToken: 8 * 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      Interaction: 600,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in failed',
        `<p>${escapeHtml(out.error)}: ${escapeHtml(
          String(out.error_description ?? ''),
        )}</p>`,
      );
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[
        c
      ]!),
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(
    title,
  )}</title><style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}button{display:block;margin:.5rem 0;padding:.5rem 1rem}</style></head><body><h1>${escapeHtml(
    title,
  )}</h1>${body}</body></html>`;
}

function loginPage(uid: string, error?: string): string {
  const buttons = LOCAL_ISSUER_USERS.map(
    u =>
      `<button type="submit" name="login" value="${escapeHtml(
        u.name,
      )}">Sign in as ${escapeHtml(u.displayName)} (${escapeHtml(
        u.email,
      )})</button>`,
  ).join('');
  return page(
    'Kubeplatform local OIDC issuer',
    `<p>Demo only: choose a user. There are no passwords.</p>${
      error ? `<p role="alert">${escapeHtml(error)}</p>` : ''
    }<form method="post" action="/interaction/${encodeURIComponent(
      uid,
    )}/login">${buttons}</form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

/** The sign-in page and its form; everything else is the provider's. */
async function interaction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt } = details;
  if (prompt.name === 'consent') {
    // Only reached when a grant vanished: grant everything again and go on.
    const grant = new provider.Grant({
      clientId: String(details.params.client_id),
      accountId: details.session!.accountId,
    });
    grant.addOIDCScope(SCOPES);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    return;
  }
  if (req.method === 'POST' && req.url?.endsWith('/login')) {
    const login = (await readForm(req)).get('login') ?? '';
    const user = LOCAL_ISSUER_USERS.find(u => u.name === login);
    if (!user) {
      send(res, 400, loginPage(uid, `There is no user "${login}".`));
      return;
    }
    log(`signed in ${user.name} for ${details.params.client_id}`);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.name } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  send(res, 200, loginPage(uid));
}

async function main() {
  const [dir, portArg] = process.argv.slice(2);
  const port = Number(portArg);
  if (!dir || !Number.isInteger(port)) {
    throw new Error('usage: local-oidc-issuer <oidc state folder> <port>');
  }
  const files = issuerPathsIn(dir, dir);
  const secrets: IssuerSecrets = JSON.parse(
    fs.readFileSync(files.secrets, 'utf8'),
  );
  const signingKey = JSON.parse(fs.readFileSync(files.signingKey, 'utf8'));
  const issuer = `https://127.0.0.1:${port}`;
  const provider = new Provider(issuer, configuration(secrets, signingKey));
  provider.on('server_error', (_ctx, error) =>
    log(`server error: ${error.message}`),
  );
  const handle = provider.callback();
  const server = https.createServer(
    {
      cert: fs.readFileSync(files.tlsCert),
      key: fs.readFileSync(files.tlsKey),
    },
    (req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        interaction(provider, req, res).catch(error => {
          log(`interaction failed: ${(error as Error).message}`);
          if (!res.headersSent) {
            send(
              res,
              400,
              page(
                'Sign-in failed',
                `<p>${escapeHtml((error as Error).message)}</p>`,
              ),
            );
          }
        });
        return;
      }
      handle(req, res);
    },
  );
  server.listen(port, '127.0.0.1', () =>
    log(`issuing ID tokens as ${issuer} for ${LOCAL_ISSUER_CLIENT_ID}`),
  );
}

process.on('SIGTERM', () => process.exit(0));
main().catch(error => {
  log(`fatal: ${(error as Error).message}`);
  process.exit(1);
});
