#!/usr/bin/env node
// Captures real multicluster backend responses as test fixtures.
//   node scripts/capture-fixtures.mjs <backend base URL> <label> [entity...]
// e.g. node scripts/capture-fixtures.mjs http://localhost:7007 mixed checkout
// Signs in as guest, then writes src/__fixtures__/captured/<entity>.<label>.entity-view.json,
// the first SSE `view` event, one workload detail per workload and cluster, and the team view of
// the entity's owner. The backend must run against the local clusters (./scripts/start).
/* eslint-disable no-console -- a command-line script that reports what it wrote */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [base, label, ...names] = process.argv.slice(2);
if (!base || !label) {
  console.error(
    'usage: capture-fixtures.mjs <backend base URL> <label> [entity name...]',
  );
  process.exit(2);
}
const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/__fixtures__/captured',
);
mkdirSync(out, { recursive: true });

const refresh = await fetch(`${base}/api/auth/guest/refresh`);
if (!refresh.ok) throw new Error(`guest sign-in failed: ${refresh.status}`);
const token = (await refresh.json()).backstageIdentity.token;
const headers = { Authorization: `Bearer ${token}` };
const api = `${base}/api/multicluster`;

async function getJson(path) {
  const res = await fetch(`${api}${path}`, { headers });
  if (!res.ok)
    throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function save(name, value) {
  writeFileSync(join(out, name), `${JSON.stringify(value, null, 2)}\n`);
  console.log(`wrote ${name}`);
}

/** The first `view` event of the stream, parsed exactly as the browser receives it. */
async function firstStreamedView(path) {
  const res = await fetch(`${api}${path}/stream`, { headers });
  if (!res.ok) throw new Error(`GET ${path}/stream: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error('the stream ended before a view event');
    text += decoder.decode(value, { stream: true });
    const start = text.indexOf('event: view');
    const end = start === -1 ? -1 : text.indexOf('\n\n', start);
    if (end !== -1) {
      await reader.cancel();
      const data = text
        .slice(start, end)
        .split('\n')
        .filter(l => l.startsWith('data:'))
        .map(l => l.slice(5).trimStart())
        .join('\n');
      return JSON.parse(data);
    }
  }
}

for (const name of names.length ? names : ['checkout']) {
  const path = `/entities/component/default/${name}`;
  const view = await getJson(path);
  save(`${name}.${label}.entity-view.json`, view);
  save(
    `${name}.${label}.stream-first-view.json`,
    await firstStreamedView(path),
  );
  for (const cluster of view.clusters) {
    for (const w of cluster.workloads) {
      const detail = await getJson(
        `${path}/clusters/${cluster.cluster.name}/workloads/${w.kind}/${w.namespace}/${w.name}`,
      );
      save(
        `${name}.${label}.${cluster.cluster.name}.${w.kind}.${w.name}.workload-detail.json`,
        detail,
      );
      // The log of the first troubled pod's previous run: what a crash left behind.
      const troubled = detail.pods.find(p => p.problems.length > 0);
      if (troubled) {
        const res = await fetch(
          `${api}${path}/clusters/${cluster.cluster.name}/pods/${troubled.namespace}/${troubled.name}/logs?previous=true&tailLines=50`,
          { headers },
        );
        if (res.ok) {
          const file = `${name}.${label}.${cluster.cluster.name}.${w.name}.previous.log`;
          writeFileSync(join(out, file), await res.text());
          console.log(`wrote ${file}`);
        }
      }
    }
  }
  const entity = await (
    await fetch(
      `${base}/api/catalog/entities/by-name/component/default/${name}`,
      { headers },
    )
  ).json();
  const owner = String(entity.spec?.owner ?? '');
  if (owner) {
    const ownerName = owner.replace(/^group:(default\/)?/, '');
    save(
      `${ownerName}.${label}.owner-view.json`,
      await getJson(`/owners/group/default/${ownerName}`),
    );
  }
}
