import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import Router from 'express-promise-router';
import request from 'supertest';

// The backend's error handler (MiddlewareFactory.error, installed by the default root HTTP
// router that packages/backend uses) decides when it is created whether bodies carry stacks:
// only when NODE_ENV is development, which ./scripts/start sets for guest sign-in. A production
// build runs with NODE_ENV=production. A full production backend is started by the replica
// script (docs/deploy.md); this test pins the rule at the handler.
const failingPlugin = createBackendPlugin({
  pluginId: 'failing',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.get('/bad-input', async () => {
          throw new InputError('ttl must be a duration');
        });
        router.get('/missing', async () => {
          throw new NotFoundError('no environment dev-eu/nope');
        });
        router.get('/broken', async () => {
          throw new Error('the provisioner fell over');
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

async function errorBodies(nodeEnv: string) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const backend = await startTestBackend({ features: [failingPlugin] });
    try {
      const responses = await Promise.all(
        ['bad-input', 'missing', 'broken'].map(path =>
          request(backend.server).get(`/api/failing/${path}`),
        ),
      );
      return responses.map(res => ({ status: res.status, body: res.body }));
    } finally {
      await backend.stop();
    }
  } finally {
    process.env.NODE_ENV = previous;
  }
}

describe('error bodies', () => {
  it('carry no stack trace with NODE_ENV=production', async () => {
    const bodies = await errorBodies('production');

    expect(bodies.map(b => b.status)).toEqual([400, 404, 500]);
    for (const { body } of bodies) {
      expect(body.error.message).toEqual(expect.any(String));
      expect(body.error).not.toHaveProperty('stack');
      expect(JSON.stringify(body)).not.toContain('productionErrors.test');
    }
  });

  it('carry the stack in development, as the demo runs (so the test above can fail)', async () => {
    const bodies = await errorBodies('development');

    expect(bodies.map(b => b.status)).toEqual([400, 404, 500]);
    for (const { body } of bodies) {
      expect(body.error.stack).toContain('productionErrors.test');
    }
  });
});
