import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { loadLocalFleet } from '../harness/localFleet';
import { EnvironmentClaim, isReady } from './compositionSimulator';
import {
  ENVIRONMENT_CLUSTER,
  ENVIRONMENT_GROUP,
  ENVIRONMENT_PLURAL,
  ENVIRONMENT_VERSION,
} from './environmentCrd';

/** The claim path end to end: a claim made in dev-eu becomes Ready with connection details. */
jest.setTimeout(60_000);

const namespace = `it-env-${Date.now().toString(36)}`;

it('the environment-composition-simulator makes a claim Ready and publishes its secret', async () => {
  const kc = (await loadLocalFleet()).cluster(ENVIRONMENT_CLUSTER).kubeConfig();
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  try {
    const ref = {
      group: ENVIRONMENT_GROUP,
      version: ENVIRONMENT_VERSION,
      plural: ENVIRONMENT_PLURAL,
      namespace,
    };
    await custom.createNamespacedCustomObject({
      ...ref,
      body: {
        apiVersion: `${ENVIRONMENT_GROUP}/${ENVIRONMENT_VERSION}`,
        kind: 'Environment',
        metadata: { name: 'team-a' },
        spec: {
          compositionSelector: { matchLabels: { type: 'development' } },
          parameters: { installInfra: true },
          writeConnectionSecretToRef: { name: 'team-a-access' },
        },
      },
    });
    let claim: EnvironmentClaim | undefined;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      claim = (await custom.getNamespacedCustomObject({
        ...ref,
        name: 'team-a',
      })) as EnvironmentClaim;
      if (isReady(claim)) break;
      await new Promise(r => setTimeout(r, 500));
    }
    expect(claim && isReady(claim)).toBe(true);
    expect(claim!.status).toMatchObject({
      compositionRef: { name: 'environment-development' },
      connectionSecretRef: { name: 'team-a-access', namespace },
    });
    const secret = await core.readNamespacedSecret({
      namespace,
      name: 'team-a-access',
    });
    expect(Buffer.from(secret.data!.installInfra, 'base64').toString()).toBe(
      'true',
    );
    expect(secret.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Environment',
      name: 'team-a',
    });
  } finally {
    await core.deleteNamespace({ name: namespace }).catch(() => undefined);
  }
});
