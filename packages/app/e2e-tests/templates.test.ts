import { APIRequestContext, expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { guestEnvironmentRequest, guestToken } from './helpers';

/**
 * Every template in templates/ goes through the real backend's scaffolder dry-run API: the
 * parameters are checked against the template's own JSON schema, and each step runs in dry-run
 * mode (kubeplatform:devenv:create validates the request against the configured classes and
 * clusters and renders the manifests without touching a cluster).
 */

const templatesDir = path.resolve(__dirname, '../../../templates');

function directoryContents(dir: string, prefix = '') {
  const files: Array<{ path: string; base64Content: string }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = path.posix.join(prefix, entry.name);
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...directoryContents(full, relative));
    } else {
      files.push({
        path: relative,
        base64Content: fs.readFileSync(full).toString('base64'),
      });
    }
  }
  return files;
}

async function dryRun(
  request: APIRequestContext,
  templateName: string,
  values: Record<string, unknown>,
) {
  const dir = path.join(templatesDir, templateName);
  const template = parse(
    fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'),
  );
  return request.post('/api/scaffolder/v2/dry-run', {
    headers: { authorization: `Bearer ${await guestToken(request)}` },
    data: { template, values, directoryContents: directoryContents(dir) },
  });
}

test('the catalog has loaded every template', async ({ request }) => {
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  for (const name of [
    'request-dev-environment',
    'onboard-service-to-kubernetes',
    'onboard-developer',
  ]) {
    await expect
      .poll(
        async () =>
          (
            await request.get(
              `/api/catalog/entities/by-name/template/default/${name}`,
              { headers },
            )
          ).status(),
        { timeout: 60_000, message: `template ${name} in the catalog` },
      )
      .toBe(200);
  }
});

type DryRunBody = {
  log: Array<{ body: { message: string; stepId?: string } }>;
  output: {
    links?: Array<{ title: string; url?: string; entityRef?: string }>;
    text?: Array<{ title: string; content: string }>;
  };
  directoryContents: Array<{ path: string; base64Content: string }>;
};

test('request-dev-environment passes a dry run and returns the page link and connect command', async ({
  request,
}) => {
  const response = await dryRun(
    request,
    'request-dev-environment',
    guestEnvironmentRequest('dryrun-guest'),
  );
  const body = (await response.json()) as DryRunBody;
  expect(response.status(), JSON.stringify(body)).toBe(200);
  const messages = body.log.map(l => l.body.message).join('\n');
  expect(messages).toContain('Dry run: would apply');
  expect(body.output.links?.map(l => l.url)).toEqual([
    expect.stringMatching(
      /\/catalog\/default\/resource\/dryrun-guest\.dev-eu$/,
    ),
    expect.stringMatching(/\/devenv$/),
  ]);
  expect(body.output.text?.[0].content).toContain('namespace `dryrun-guest`');
  expect(body.output.text?.[0].content).toMatch(/kubeconfig|kubectl|curl/);
});

test('request-dev-environment refuses a name the schema does not allow', async ({
  request,
}) => {
  const response = await dryRun(request, 'request-dev-environment', {
    name: 'Not_Valid',
    owner: 'user:default/guest',
    cluster: 'dev-eu',
    class: 'namespace',
  });
  expect(response.status()).toBe(400);
  expect(JSON.stringify(await response.json())).toContain('pattern');
});

test('request-dev-environment refuses an unknown cluster with a clear error', async ({
  request,
}) => {
  const response = await dryRun(request, 'request-dev-environment', {
    name: 'dryrun-guest',
    owner: 'user:default/guest',
    cluster: 'no-such-cluster',
    class: 'namespace',
  });
  expect(response.ok()).toBe(false);
  expect(JSON.stringify(await response.json())).toContain(
    'Unknown cluster \\"no-such-cluster\\"',
  );
});

test('onboard-developer passes a dry run for a catalog user', async ({
  request,
}) => {
  const response = await dryRun(request, 'onboard-developer', {
    developer: 'user:default/guest',
    cluster: 'dev-eu',
    ttl: '7d',
  });
  const body = (await response.json()) as DryRunBody;
  expect(response.status(), JSON.stringify(body)).toBe(200);
  expect(body.output.links?.[0].url).toContain('/onboarding/');
  expect(body.output.text?.[0].content).toContain('Namespace `dev-guest`');
});

test('onboard-service-to-kubernetes renders the manifests, Skaffold file and docs', async ({
  request,
}) => {
  const response = await dryRun(request, 'onboard-service-to-kubernetes', {
    name: 'basket',
    description: 'Keeps the basket.',
    owner: 'group:default/team-shop',
    image: 'registry.example.com/shop/basket:1.0.0',
    port: 8080,
    cpu: '250m',
    memory: '256Mi',
    minReplicas: 2,
    maxReplicas: 6,
    cluster: 'dev-eu',
    environment: 'dryrun-basket',
    publish: false,
  });
  const body = (await response.json()) as DryRunBody;
  expect(response.status(), JSON.stringify(body)).toBe(200);
  const files = Object.fromEntries(
    body.directoryContents.map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
  expect(Object.keys(files).sort()).toEqual([
    'catalog-info.yaml',
    'docs/index.md',
    'k8s/deployment.yaml',
    'k8s/hpa.yaml',
    'k8s/service.yaml',
    'mkdocs.yml',
    'skaffold.yaml',
  ]);
  const entity = parse(files['catalog-info.yaml']);
  expect(entity.metadata.annotations['backstage.io/kubernetes-id']).toBe(
    'basket',
  );
  expect(entity.spec.owner).toBe('group:default/team-shop');
  const deployment = parse(files['k8s/deployment.yaml']);
  expect(deployment.spec.template.metadata.labels).toMatchObject({
    'backstage.io/kubernetes-id': 'basket',
  });
  expect(deployment.spec.template.spec.containers[0].resources).toEqual({
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { cpu: '1000m', memory: '256Mi' },
  });
  const hpa = parse(files['k8s/hpa.yaml']);
  expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
  const skaffold = parse(files['skaffold.yaml']);
  expect(skaffold.build.artifacts[0].image).toBe(
    'registry.example.com/shop/basket',
  );
  const messages = body.log.map(l => l.body.message).join('\n');
  expect(messages).toContain('k8s/deployment.yaml');
  expect(messages).toContain(
    'Skipping step publish because its if condition was false',
  );
});
