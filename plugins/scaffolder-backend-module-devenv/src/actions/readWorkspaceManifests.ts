import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { SourcedManifest } from '@kubeplatform/plugin-devenv-node';
import { promises as fs } from 'fs';
import { join, relative } from 'path';
import { parseAllDocuments } from 'yaml';

/**
 * Reads every YAML document under a path of the task workspace: one file, or every
 * `.yaml`/`.yml` file of a folder and its subfolders, in name order. Empty documents are skipped.
 */
export async function readWorkspaceManifests(
  workspacePath: string,
  path: string,
): Promise<SourcedManifest[]> {
  const target = resolveSafeChildPath(workspacePath, path);
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) {
    throw new InputError(`manifests path "${path}" does not exist`);
  }
  const files = stat.isDirectory() ? await yamlFilesUnder(target) : [target];
  const manifests: SourcedManifest[] = [];
  for (const file of files) {
    const source = relative(workspacePath, file);
    const text = await fs.readFile(file, 'utf8');
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) {
        throw new InputError(
          `${source} is not valid YAML: ${doc.errors[0].message}`,
        );
      }
      const object = doc.toJS();
      if (object !== null && object !== undefined) {
        manifests.push({ object, source });
      }
    }
  }
  return manifests;
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await yamlFilesUnder(full)));
    } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}
