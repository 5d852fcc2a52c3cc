import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultClustersService } from '@kubeplatform/clusters-node';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { viewerAuthOf } from './viewerAuth';

/**
 * Attack tests of the viewer-token headers, through a real HTTP server so that Node's own header
 * parsing (lower-casing, joining repeated headers) is part of what is tested.
 */
function app() {
  const a = express();
  a.get('/', (req, res) => {
    try {
      res.json({ auth: viewerAuthOf(req) });
    } catch (error) {
      res.status(400).json({
        name: (error as Error).name,
        message: (error as Error).message,
      });
    }
  });
  return a;
}

// A real-looking ID token shape (three base64url parts).
const TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6InRlc3QifQ.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldA';

describe('viewerAuthOf', () => {
  it('reads oidc, google and aks tokens in upstream request-auth shape', async () => {
    const res = await request(app())
      .get('/')
      .set('Backstage-Kubernetes-Authorization-Oidc-local', `Bearer ${TOKEN}`)
      .set('Backstage-Kubernetes-Authorization-Google', 'Bearer ya29.a0-b_c')
      .set('Backstage-Kubernetes-Authorization-Aks', `Bearer ${TOKEN}x`)
      .set('Authorization', 'Bearer backstage-token');
    expect(res.status).toBe(200);
    expect(res.body.auth).toEqual({
      oidc: { local: TOKEN },
      google: 'ya29.a0-b_c',
      aks: `${TOKEN}x`,
    });
  });

  it("finds the token of an oidcTokenProvider spelt with capitals (Okta), though Node lower-cases the header's name", async () => {
    const registry = DefaultClustersService.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'okta-cluster',
                  url: 'https://127.0.0.1:1',
                  authProvider: 'oidc',
                  oidcTokenProvider: 'Okta',
                },
              ],
            },
          ],
        },
      }),
      mockServices.logger.mock(),
    );
    const res = await request(app())
      .get('/')
      .set('Backstage-Kubernetes-Authorization-Oidc-Okta', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    const kc = await registry.getViewerKubeConfig(
      'okta-cluster',
      res.body.auth,
    );
    expect(kc?.getCurrentUser()?.token).toBe(TOKEN);
  });

  it('reads nothing from a request without viewer headers (upstream’s un-suffixed header is not one)', async () => {
    const res = await request(app())
      .get('/')
      .set('Backstage-Kubernetes-Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.body.auth).toEqual({});
  });

  describe('refuses, without echoing the token', () => {
    /** The refusal's message, once it is checked to be a 400 InputError without the token. */
    const refusal = async (headers: Record<string, string>) => {
      let req = request(app()).get('/');
      for (const [name, value] of Object.entries(headers))
        req = req.set(name, value);
      const res = await req;
      expect(res.status).toBe(400);
      expect(res.body.name).toBe('InputError');
      for (const value of Object.values(headers)) {
        const token = value.replace(/^\S+\s+/, '');
        if (!token) continue;
        expect(res.body.message).not.toContain(token);
        expect(JSON.stringify(res.body)).not.toContain(token.slice(0, 20));
      }
      return res.body.message as string;
    };

    it('more than 8 viewer headers', async () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < 9; i++)
        headers[
          `Backstage-Kubernetes-Authorization-Oidc-p${i}`
        ] = `Bearer ${TOKEN}${i}`;
      expect(await refusal(headers)).toMatch(
        /At most 8 Backstage-Kubernetes-Authorization-\*/,
      );
    });

    it('a token longer than 16 KiB', () => {
      const long = `${TOKEN}${'A'.repeat(16 * 1024)}`;
      // Over HTTP, Node's own 16 KiB header limit refuses it first (431, see below); this is
      // the check for a server started with a larger --max-http-header-size.
      const read = () =>
        viewerAuthOf({
          headers: {
            'backstage-kubernetes-authorization-google': `Bearer ${long}`,
          },
        });
      expect(read).toThrow(expect.objectContaining({ name: 'InputError' }));
      const message = String(
        (() => {
          try {
            return read();
          } catch (error) {
            return (error as Error).message;
          }
        })(),
      );
      expect(message).toMatch(
        /must be 'Bearer <token>' with a token of at most 16384 characters/,
      );
      expect(message).not.toContain(TOKEN.slice(0, 20));
      expect(
        viewerAuthOf({
          headers: {
            'backstage-kubernetes-authorization-google': `Bearer ${long.slice(
              0,
              16 * 1024,
            )}`,
          },
        }).google,
      ).toHaveLength(16 * 1024);
    });

    it('headers over Node’s limit never reach the check (431)', async () => {
      const res = await request(app())
        .get('/')
        .set(
          'Backstage-Kubernetes-Authorization-Google',
          `Bearer ${'A'.repeat(17 * 1024)}`,
        );
      expect(res.status).toBe(431);
      expect(res.text).not.toContain('AAAA');
    });

    it.each([
      ['Basic', `Basic ${TOKEN}`],
      ['lower-case scheme', `bearer ${TOKEN}`],
      ['no scheme', TOKEN],
      ['no token', 'Bearer '],
      ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
      ['a comma-joined second token', `Bearer ${TOKEN},Bearer${TOKEN}`],
      ['characters no bearer token has', `Bearer ${TOKEN}"<script>`],
    ])('a value that is not Bearer <token>: %s', async (_, value) => {
      expect(
        await refusal({ 'Backstage-Kubernetes-Authorization-Aks': value }),
      ).toMatch(
        /^Header backstage-kubernetes-authorization-aks must be 'Bearer <token>'/,
      );
    });

    it('the same header sent twice (Node joins them)', async () => {
      const server = app().listen(0, '127.0.0.1');
      await new Promise(r => server.once('listening', r));
      const { port } = server.address() as AddressInfo;
      try {
        const { status, body } = await new Promise<{
          status?: number;
          body: string;
        }>((resolve, reject) => {
          http
            .get(
              {
                host: '127.0.0.1',
                port,
                path: '/',
                headers: {
                  'Backstage-Kubernetes-Authorization-Google': [
                    `Bearer ${TOKEN}`,
                    `Bearer ${TOKEN}2`,
                  ],
                },
              },
              res => {
                let text = '';
                res.on('data', chunk => {
                  text += chunk;
                });
                res.on('end', () =>
                  resolve({ status: res.statusCode, body: text }),
                );
              },
            )
            .on('error', reject);
        });
        expect(status).toBe(400);
        expect(JSON.parse(body).message).toMatch(/must be 'Bearer <token>'/);
        expect(body).not.toContain(TOKEN.slice(0, 20));
      } finally {
        server.close();
      }
    });

    it.each([
      ['empty', 'Backstage-Kubernetes-Authorization-Oidc-'],
      [
        'leading underscore',
        'Backstage-Kubernetes-Authorization-Oidc-__proto__',
      ],
      ['leading dot', 'Backstage-Kubernetes-Authorization-Oidc-.hidden'],
      [
        'longer than 63 characters',
        `Backstage-Kubernetes-Authorization-Oidc-${'p'.repeat(64)}`,
      ],
    ])('a bad oidc provider name: %s', async (_, name) => {
      expect(await refusal({ [name]: `Bearer ${TOKEN}` })).toMatch(
        /names no valid oidc provider$/,
      );
    });

    it.each([
      'Backstage-Kubernetes-Authorization-Serviceaccount',
      'Backstage-Kubernetes-Authorization-Oidc',
      'Backstage-Kubernetes-Authorization-',
    ])('an unknown provider: %s', async name => {
      expect(await refusal({ [name]: `Bearer ${TOKEN}` })).toMatch(
        /unknown provider; use Oidc-<oidcTokenProvider>, Google or Aks$/,
      );
    });
  });
});
