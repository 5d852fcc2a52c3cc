import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Environment } from '@kubeplatform/clusters-common';
import type { ProgressReporter } from '../classes/types';
import { describeObject, ObjectRef, refOf } from '../kube/objects';
import {
  placeInEnvironmentNamespace,
  SourcedManifest,
} from './environmentManifests';
import type { EnvironmentLocator } from './EnvironmentLocator';

/**
 * Server-side applies manifests (field manager `kubeplatform`, no force) into an existing
 * environment's namespace. Every manifest is checked before the first write.
 */
export async function applyEnvironmentManifests(
  options: {
    locator: EnvironmentLocator;
    logger: LoggerService;
    progress: ProgressReporter;
  },
  cluster: string,
  name: string,
  manifests: SourcedManifest[],
): Promise<{ environment: Environment; applied: ObjectRef[] }> {
  const { locator, logger, progress } = options;
  const { client, environment } = await locator.locateManaged(cluster, name);
  const objects = placeInEnvironmentNamespace(manifests, environment.namespace);
  const applied: ObjectRef[] = [];
  for (const object of objects) {
    progress(`Applying ${describeObject(object)}`);
    await client.apply(object);
    applied.push(refOf(object));
  }
  logger.info(
    `Applied ${applied.length} objects to environment ${environment.ref}`,
  );
  return { environment, applied };
}
