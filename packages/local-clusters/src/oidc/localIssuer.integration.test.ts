import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import { loadLocalFleet, LocalFleet } from '../harness/localFleet';
import { statePaths } from '../paths';
import { apiserverRequest, whoAmI } from './apiserverTrust';
import { issuerPaths } from './issuerFiles';
import {
  LocalIssuer,
  loadLocalIssuer,
  signInAtLocalIssuer,
} from './localIssuerLogin';

/**
 * The local OpenID Connect issuer end to end against the real API servers: ID tokens come out
 * of the real authorization code flow, the API servers verify them against the issuer's keys
 * and map them to users, and RBAC bound to those users decides.
 */
jest.setTimeout(60_000);

let fleet: LocalFleet;
let issuer: LocalIssuer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  fleet = await loadLocalFleet();
  issuer = loadLocalIssuer();
  for (const user of ['alice', 'bob']) {
    tokens[user] = (await signInAtLocalIssuer(user, { issuer })).idToken;
  }
});

const listPods = (cluster: string, token: string, namespace = 'shop') =>
  apiserverRequest(
    fleet.cluster(cluster),
    token,
    `/api/v1/namespaces/${namespace}/pods`,
  );

/** An RS256 JWT signed with `key`, the way the issuer signs its ID tokens. */
function signJwt(
  claims: Record<string, unknown>,
  key: Parameters<typeof sign>[2],
  kid: string,
): string {
  const part = (o: object) =>
    Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString(
    'base64url',
  )}`;
}

const now = () => Math.floor(Date.now() / 1000);
/** Who alice's ID tokens say she is: the claims the API servers map to a user. */
const aliceIdentity = () => ({
  iss: issuer.issuer,
  aud: issuer.clientId,
  sub: 'alice',
  email: 'alice@example.com',
  email_verified: true,
  groups: ['team-shop'],
});
const aliceClaims = () => ({
  ...aliceIdentity(),
  iat: now(),
  exp: now() + 600,
});

describe('ID tokens from the local issuer', () => {
  it('carry the email and groups the API servers map to users', () => {
    const payload = JSON.parse(
      Buffer.from(tokens.alice.split('.')[1], 'base64url').toString(),
    );
    expect(payload).toMatchObject(aliceIdentity());
  });

  it.each(['dev-eu', 'prod-us'])(
    'authenticate alice and bob in %s as oidc:<email> with oidc: groups',
    async cluster => {
      await expect(
        whoAmI(fleet.cluster(cluster), tokens.alice),
      ).resolves.toEqual({
        status: 201,
        username: 'oidc:alice@example.com',
        groups: expect.arrayContaining([
          'oidc:team-shop',
          'system:authenticated',
        ]),
      });
      await expect(
        whoAmI(fleet.cluster(cluster), tokens.bob),
      ).resolves.toMatchObject({
        status: 201,
        username: 'oidc:bob@example.com',
      });
    },
  );

  it('let alice list pods in prod-us and dev-eu', async () => {
    for (const cluster of ['prod-us', 'dev-eu']) {
      const response = await listPods(cluster, tokens.alice);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body).items.length).toBeGreaterThan(0);
    }
  });

  it('let bob list pods in dev-eu, and prod-us forbids him (403, not 401)', async () => {
    expect((await listPods('dev-eu', tokens.bob)).status).toBe(200);
    const forbidden = await listPods('prod-us', tokens.bob);
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.body).message).toContain(
      'User "oidc:bob@example.com" cannot list resource "pods"',
    );
  });

  it('give neither user more than the demo namespaces', async () => {
    expect((await listPods('dev-eu', tokens.alice, 'kube-system')).status).toBe(
      403,
    );
  });
});

describe('the API servers refuse (401)', () => {
  const signingKey = () => {
    const jwk = JSON.parse(
      fs.readFileSync(issuerPaths(statePaths()).signingKey, 'utf8'),
    );
    return { key: createPrivateKey({ key: jwk, format: 'jwk' }), kid: jwk.kid };
  };

  it('a control: a token the test signs with the issuer key is accepted', async () => {
    const { key, kid } = signingKey();
    expect(
      (await listPods('prod-us', signJwt(aliceClaims(), key, kid))).status,
    ).toBe(200);
  });

  it('an expired token signed by the issuer', async () => {
    const { key, kid } = signingKey();
    const expired = signJwt(
      { ...aliceClaims(), iat: now() - 7200, exp: now() - 3600 },
      key,
      kid,
    );
    expect((await listPods('prod-us', expired)).status).toBe(401);
  });

  it('a token from another issuer, and one forged with the issuer name but another key', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
    }).privateKey;
    const foreign = signJwt(
      { ...aliceClaims(), iss: 'https://issuer.example.com' },
      other,
      'other',
    );
    const forged = signJwt(aliceClaims(), other, signingKey().kid);
    for (const token of [foreign, forged]) {
      expect((await listPods('prod-us', token)).status).toBe(401);
    }
  });

  it('a token for another audience', async () => {
    const { key, kid } = signingKey();
    const token = signJwt({ ...aliceClaims(), aud: 'someone-else' }, key, kid);
    expect((await listPods('prod-us', token)).status).toBe(401);
  });

  it('a token whose email is not verified', async () => {
    const { key, kid } = signingKey();
    const token = signJwt(
      { ...aliceClaims(), email_verified: false },
      key,
      kid,
    );
    expect((await listPods('prod-us', token)).status).toBe(401);
  });
});
