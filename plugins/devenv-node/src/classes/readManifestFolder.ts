import { InputError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import { promises as fs } from 'fs';
import { resolve as resolvePath } from 'path';
import { parseAllDocuments } from 'yaml';
import { isClusterScoped } from '../kube/objects';

/**
 * Reads every `.yaml`/`.yml` file of a folder, in name order, as Kubernetes objects. Cluster-
 * scoped kinds are refused: infrastructure for an environment lives inside its namespace.
 */
export async function readManifestFolder(
  folder: string,
): Promise<KubernetesObject[]> {
  const dir = resolvePath(folder);
  const files = (await fs.readdir(dir))
    .filter(file => /\.ya?ml$/.test(file))
    .sort();
  const objects: KubernetesObject[] = [];
  for (const file of files) {
    const text = await fs.readFile(resolvePath(dir, file), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) {
        throw new InputError(
          `infra manifest ${file} is not valid YAML: ${doc.errors[0].message}`,
        );
      }
      const object = doc.toJS() as KubernetesObject | null;
      if (!object) {
        continue;
      }
      if (!object.apiVersion || !object.kind || !object.metadata?.name) {
        throw new InputError(
          `infra manifest ${file} has an object without apiVersion, kind or metadata.name`,
        );
      }
      if (isClusterScoped(object.kind)) {
        throw new InputError(
          `infra manifest ${file} has a cluster-scoped ${object.kind}; only namespaced objects are allowed`,
        );
      }
      objects.push(object);
    }
  }
  return objects;
}
