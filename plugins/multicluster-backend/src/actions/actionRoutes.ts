import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  isError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  isWorkloadKind,
  multiclusterPodsDeletePermission,
  multiclusterWorkloadRestartPermission,
  multiclusterWorkloadScalePermission,
} from '@kubeplatform/clusters-common';
import type { WatchCache } from '@kubeplatform/clusters-node';
import { KubernetesRequestError } from '@kubeplatform/clusters-node';
import { Request, Router } from 'express';
import { EntityViews } from '../EntityViews';
import { EntityScope } from '../entities/EntityScope';
import { entityQuery } from '../entities/entityQuery';
import { parseEntityRefParams } from '../entities/parseEntityRef';
import { requireEntityQuery } from '../entities/requireEntityQuery';
import { entityOwnsPod, findWorkloads } from '../view/findEntityObjects';
import { ClusterWriter } from './ClusterWriter';
import { ViewerGate, writeAttributes } from '../access/ViewerGate';
import { viewerAuthOf } from '../access/viewerAuth';
import { checkReplicas, scaleBounds } from './scaleBounds';

export interface ActionOptions {
  /** The largest replica count a scale may ask for, HPA or not. */
  maxReplicas: number;
}

const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const UID = /^[a-zA-Z0-9-]{1,64}$/;
const RESTARTABLE = ['Deployment', 'StatefulSet', 'DaemonSet'];
const SCALABLE = ['Deployment', 'StatefulSet'];
const RESOURCE: Record<string, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

type ActionPermission = ResourcePermission<'catalog-entity'>;

/** What the caller may do on the entity, for the drawer's buttons. */
export interface AllowedActions {
  restart: { allowed: boolean };
  scale: { allowed: boolean };
  deletePod: { allowed: boolean };
}

/**
 * Restart, scale and delete pod: each behind its own permission on the entity, audited, and run
 * only on an object found through the entity's query within the entity scope (the request's
 * cluster/namespace/name only pick among those).
 */
export function addActionRoutes(
  router: Router,
  entityPath: string,
  deps: {
    httpAuth: HttpAuthService;
    catalog: CatalogService;
    permissions: PermissionsService;
    views: EntityViews;
    cache: Pick<WatchCache, 'get'>;
    entityScope: EntityScope;
    writer: ClusterWriter;
    auditor?: AuditorService;
    options: ActionOptions;
    /** Checks writes to user-level clusters against the viewer's own RBAC; without it they are refused. */
    gate?: ViewerGate;
  },
) {
  const { httpAuth, views, cache, entityScope, writer, auditor } = deps;
  const gate = deps.gate ?? new ViewerGate();

  router.get(`${entityPath}/actions`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const ref = parseEntityRefParams(req.params);
    const entity = await deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${ref}`);
    const permissions = [
      multiclusterWorkloadRestartPermission,
      multiclusterWorkloadScalePermission,
      multiclusterPodsDeletePermission,
    ];
    const decisions = await deps.permissions.authorize(
      permissions.map(permission => ({
        permission,
        resourceRef: stringifyEntityRef(entity),
      })),
      { credentials },
    );
    const allowed = (i: number) =>
      decisions[i].result === AuthorizeResult.ALLOW;
    const body: AllowedActions = {
      restart: { allowed: allowed(0) },
      scale: { allowed: allowed(1) },
      deletePod: { allowed: allowed(2) },
    };
    res.json(body);
  });

  const workloadPath = `${entityPath}/clusters/:cluster/workloads/:workloadKind/:workloadNamespace/:workloadName`;

  router.post(`${workloadPath}/restart`, async (req, res) => {
    const target = workloadTarget(req, RESTARTABLE, 'restart');
    const restartedAt = new Date().toISOString();
    await audited(req, 'workload-restart', target, async () => {
      await locate(req, target, multiclusterWorkloadRestartPermission);
      await write(req, target.cluster, {
        method: 'PATCH',
        path: workloadApiPath(target),
        contentType: 'application/strategic-merge-patch+json',
        body: {
          spec: {
            template: {
              metadata: {
                annotations: {
                  'kubectl.kubernetes.io/restartedAt': restartedAt,
                },
              },
            },
          },
        },
      });
      return { restartedAt };
    }).then(result => res.json(result));
  });

  router.post(`${workloadPath}/scale`, async (req, res) => {
    const target = workloadTarget(req, SCALABLE, 'scale');
    const requested = req.body?.replicas;
    await audited(
      req,
      'workload-scale',
      { ...target, replicas: requested },
      async () => {
        const { reader } = await locate(
          req,
          target,
          multiclusterWorkloadScalePermission,
        );
        const replicas = checkReplicas(
          requested,
          scaleBounds(reader, target, deps.options.maxReplicas),
        );
        await write(req, target.cluster, {
          method: 'PATCH',
          path: `${workloadApiPath(target)}/scale`,
          contentType: 'application/merge-patch+json',
          body: { spec: { replicas } },
        });
        return { replicas };
      },
    ).then(result => res.json(result));
  });

  router.delete(
    `${entityPath}/clusters/:cluster/pods/:podNamespace/:podName`,
    async (req, res) => {
      const { cluster, podNamespace, podName } = req.params;
      checkK8sName(podNamespace, 'pod namespace');
      checkK8sName(podName, 'pod name');
      const uid = req.query.uid;
      if (typeof uid !== 'string' || !UID.test(uid)) {
        throw new InputError(
          'uid (the uid of the pod the view showed) is required',
        );
      }
      const target = { cluster, namespace: podNamespace, pod: podName, uid };
      await audited(req, 'pod-delete', target, async () => {
        const credentials = await httpAuth.credentials(req);
        const entity = await views.authorizedEntity(
          entityRefOf(req),
          credentials,
          multiclusterPodsDeletePermission,
        );
        const reader = scopedReader(entity, cluster);
        const pod = reader?.get('pods', podNamespace, podName);
        if (
          !reader ||
          !pod ||
          !entityOwnsPod(reader, requireEntityQuery(entityQuery(entity)), pod)
        ) {
          throw new NotFoundError('No such pod for this entity');
        }
        if (pod.metadata?.uid !== uid) {
          throw new ConflictError(
            'The pod was replaced since the view showed it; reload and try again',
          );
        }
        await write(req, cluster, {
          method: 'DELETE',
          path: `/api/v1/namespaces/${podNamespace}/pods/${podName}`,
          contentType: 'application/json',
          body: {
            kind: 'DeleteOptions',
            apiVersion: 'v1',
            preconditions: { uid },
          },
        });
        return { deleted: true };
      }).then(result => res.json(result));
    },
  );

  function scopedReader(entity: Entity, cluster: string) {
    const cached = views.locates(entity, cluster)
      ? cache.get(cluster)
      : undefined;
    return cached && entityScope.scope(cached);
  }

  /** The entity (with the action's permission) and the cluster's reader, if it owns the workload. */
  async function locate(
    req: Request,
    target: { cluster: string; kind: string; namespace: string; name: string },
    permission: ActionPermission,
  ) {
    const credentials: BackstageCredentials = await httpAuth.credentials(req);
    const entity: Entity = await views.authorizedEntity(
      entityRefOf(req),
      credentials,
      permission,
    );
    const query = requireEntityQuery(entityQuery(entity));
    const reader = scopedReader(entity, target.cluster);
    const owned =
      reader &&
      findWorkloads(reader, query).some(
        w =>
          w.kind === target.kind &&
          w.object.metadata?.namespace === target.namespace &&
          w.object.metadata?.name === target.name,
      );
    if (!reader || !owned) {
      throw new NotFoundError('No such workload for this entity');
    }
    return { entity, reader };
  }

  async function write(
    req: Request,
    cluster: string,
    request: Parameters<ClusterWriter['send']>[1],
  ) {
    // On a user-level cluster the write also needs the viewer's own RBAC.
    const cached = cache.get(cluster);
    if (cached) {
      await gate.requireAllowed(
        cached,
        viewerAuthOf(req),
        writeAttributes(request),
      );
    }
    try {
      await writer.send(cluster, request);
    } catch (error) {
      if (!(error instanceof KubernetesRequestError)) throw error;
      if (error.statusCode === 404) {
        throw new NotFoundError(`The object is gone: ${error.message}`);
      }
      if (error.statusCode === 409) throw new ConflictError(error.message);
      if (error.statusCode === 400 || error.statusCode === 422) {
        throw new InputError(error.message);
      }
      throw new ServiceUnavailableError(
        `The cluster did not carry out the action: ${error.message}`,
      );
    }
  }

  /** Records who asked for what, refused or done. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: Record<string, unknown>,
    run: () => Promise<T>,
  ): Promise<T> {
    const event = await auditor?.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta: { entityRef: entityRefOf(req), ...meta },
    });
    try {
      const result = await run();
      await event?.success();
      return result;
    } catch (error) {
      await event?.fail({
        error: isError(error) ? error : new Error(String(error)),
      });
      throw error;
    }
  }
}

function entityRefOf(req: Request): string {
  return parseEntityRefParams(req.params);
}

function workloadTarget(req: Request, allowedKinds: string[], verb: string) {
  const { cluster, workloadKind, workloadNamespace, workloadName } = req.params;
  if (!isWorkloadKind(workloadKind) || !allowedKinds.includes(workloadKind)) {
    throw new InputError(
      `Only ${allowedKinds.join(', ')} can ${verb}; not ${workloadKind}`,
    );
  }
  checkK8sName(workloadNamespace, 'workload namespace');
  checkK8sName(workloadName, 'workload name');
  return {
    cluster,
    kind: workloadKind,
    namespace: workloadNamespace,
    name: workloadName,
  };
}

function workloadApiPath(target: {
  kind: string;
  namespace: string;
  name: string;
}) {
  return `/apis/apps/v1/namespaces/${target.namespace}/${
    RESOURCE[target.kind]
  }/${target.name}`;
}

function checkK8sName(value: string, what: string) {
  if (!K8S_NAME.test(value)) throw new InputError(`Malformed ${what}`);
}
