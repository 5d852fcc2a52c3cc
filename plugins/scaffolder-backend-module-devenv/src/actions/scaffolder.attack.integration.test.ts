import { mockServices } from '@backstage/backend-test-utils';
import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { fleetActions } from './__testUtils__/fleetActions';
import { initiatorContext } from './__testUtils__/initiatorContext';

/*
 * Issue 11, write side: attacks through the scaffolder (findings 1, 3 and 8) against the real
 * local fleet and the onboarding template that ships with Kubeplatform.
 */

jest.setTimeout(60_000);
const CLUSTER = 'dev-eu';
const TEMPLATE = resolve(
  __dirname,
  '../../../../templates/onboard-service-to-kubernetes',
);
const INJECTED_IMAGE =
  'nginx:1.27\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: decoy\n  labels:\n    app.kubernetes.io/managed-by: kubeplatform';

let fleet: LocalFleet;
const auditor = mockServices.auditor.mock();

beforeAll(async () => {
  fleet = await loadLocalFleet();
});

const actions = () => fleetActions(fleet, { auditor });

function context(
  user: string,
  input: Record<string, unknown>,
  workspacePath?: string,
) {
  return initiatorContext(user, input, workspacePath).ctx;
}

/** Alice asks for a namespace environment that lives an hour. */
function aliceCreates(name: string) {
  return context('user:default/alice', {
    name,
    cluster: CLUSTER,
    class: 'namespace',
    ttl: '1h',
  });
}

/**
 * Renders the skeleton's `${{ values.x }}` placeholders the way the templater does for the
 * filters the skeleton uses: plain placeholders as text, `| dump` as JSON.
 */
function renderSkeleton(text: string, values: Record<string, unknown>) {
  return text.replace(
    /\$\{\{\s*values\.(\w+)\s*(\|\s*dump\s*)?\}\}/g,
    (_m, key: string, dump?: string) =>
      dump ? JSON.stringify(values[key]) : String(values[key]),
  );
}

/** The onboarding skeleton's deployment, rendered with INJECTED_IMAGE as its image. */
async function renderInjectedDeployment(): Promise<string> {
  const skeleton = await fs.readFile(
    join(TEMPLATE, 'skeleton/k8s/deployment.yaml'),
    'utf8',
  );
  return renderSkeleton(skeleton, {
    name: 'checkout',
    image: INJECTED_IMAGE,
    port: 8080,
    cpu: '250m',
    memory: '256Mi',
    minReplicas: 2,
  });
}

describe("the onboarding template's image", () => {
  it('attack: a newline in image is refused by the form (schema pattern)', async () => {
    const template = parse(
      await fs.readFile(join(TEMPLATE, 'template.yaml'), 'utf8'),
    );
    const image = template.spec.parameters
      .map((page: any) => page.properties?.image)
      .find(Boolean);
    expect(image.pattern).toBeDefined();
    const pattern = new RegExp(image.pattern, 'u');
    expect(pattern.test('registry.example.com/shop/checkout:1.4.2')).toBe(true);
    expect(pattern.test(`nginx@sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(pattern.test(INJECTED_IMAGE)).toBe(false);
    expect(pattern.test('nginx:1.27 ')).toBe(false);
  });

  it('attack: template values land in the YAML as data, never as extra documents', async () => {
    const rendered = await renderInjectedDeployment();
    const documents = parseAllDocuments(rendered);
    expect(documents).toHaveLength(1);
    expect(
      (documents[0].toJS() as any).spec.template.spec.containers[0].image,
    ).toBe(INJECTED_IMAGE);
  });

  it('attack: a newline in image is refused by the apply action before anything is applied', async () => {
    const name = `atk-onb-${Date.now().toString(36)}`;
    const { create, apply, remove } = actions();
    await create.handler(aliceCreates(name));
    const workspace = await fs.mkdtemp(join(tmpdir(), 'atk-onb-'));
    try {
      // What the template renders when the form is bypassed (an API call to the task).
      await fs.mkdir(join(workspace, 'k8s'));
      await fs.writeFile(
        join(workspace, 'k8s/deployment.yaml'),
        await renderInjectedDeployment(),
      );
      await expect(
        apply.handler(
          context(
            'user:default/alice',
            { cluster: CLUSTER, name, manifests: './k8s' },
            workspace,
          ),
        ),
      ).rejects.toThrow(/Nothing was applied.*image/);
      const apps = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(AppsV1Api);
      await expect(
        apps.readNamespacedDeployment({ name: 'checkout', namespace: name }),
      ).rejects.toThrow();
      const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
      await expect(core.readNamespace({ name: 'decoy' })).rejects.toThrow();
    } finally {
      await fs.rm(workspace, { recursive: true, force: true });
      await remove.handler(
        context('user:default/alice', { cluster: CLUSTER, name }),
      );
    }
  });
});

describe('finding 8: scaffolder actions are audited', () => {
  it('attack: create, apply and delete through the scaffolder reach the auditor after validation, with actor, target and outcome', async () => {
    const name = `atk-aud-${Date.now().toString(36)}`;
    const { create, apply, remove } = actions();
    auditor.createEvent.mockClear();
    const workspace = await fs.mkdtemp(join(tmpdir(), 'atk-aud-'));
    try {
      await create.handler(aliceCreates(name));
      await fs.writeFile(
        join(workspace, 'cm.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n',
      );
      await apply.handler(
        context(
          'user:default/alice',
          { cluster: CLUSTER, name, manifests: './cm.yaml' },
          workspace,
        ),
      );
      // Refused: bob does not own it. Audited as a failure.
      await expect(
        remove.handler(context('user:default/bob', { cluster: CLUSTER, name })),
      ).rejects.toThrow(/You may not delete/);
    } finally {
      await fs.rm(workspace, { recursive: true, force: true });
      await remove.handler(
        context('user:default/alice', { cluster: CLUSTER, name }),
      );
    }
    const target = { cluster: CLUSTER, environment: name };
    expect(auditor.createEvent.mock.calls.map(([e]) => e)).toEqual([
      {
        eventId: 'environment-create',
        meta: { ...target, actor: 'user:default/alice', via: 'scaffolder' },
      },
      {
        eventId: 'environment-apply',
        meta: { ...target, actor: 'user:default/alice', via: 'scaffolder' },
      },
      {
        eventId: 'environment-delete',
        meta: { ...target, actor: 'user:default/bob', via: 'scaffolder' },
      },
      {
        eventId: 'environment-delete',
        meta: { ...target, actor: 'user:default/alice', via: 'scaffolder' },
      },
    ]);
    const recorded = await Promise.all(
      auditor.createEvent.mock.results.map(r => r.value),
    );
    const outcomes = recorded.map(e => {
      if (e.success.mock.calls.length) return 'success';
      return e.fail.mock.calls.length ? 'fail' : 'none';
    });
    expect(outcomes).toEqual(['success', 'success', 'fail', 'success']);
  });
});
