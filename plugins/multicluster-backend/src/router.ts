import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  isError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  multiclusterLogsReadPermission,
  multiclusterViewReadPermission,
  isWorkloadKind,
  WORKLOAD_KINDS,
} from '@kubeplatform/clusters-common';
import type {
  CacheReader,
  ViewerAccessService,
  ViewerRequestAuth,
} from '@kubeplatform/clusters-node';
import type { WatchCache } from '@kubeplatform/clusters-node';
import { ViewerGate } from './access/ViewerGate';
import { viewerAuthOf } from './access/viewerAuth';
import { buildClusterView } from './view/buildEntityView';
import express from 'express';
import Router from 'express-promise-router';
import { addActionRoutes } from './actions/actionRoutes';
import { ClusterWriter } from './actions/ClusterWriter';
import { buildOwnerView } from './buildOwnerView';
import { EntityViews } from './EntityViews';
import { entityQuery } from './entities/entityQuery';
import { parseEntityRefParams } from './entities/parseEntityRef';
import { requireEntityQuery } from './entities/requireEntityQuery';
import { PerUserLimiter } from './limits/PerUserLimiter';
import { MulticlusterOptions } from './readMulticlusterOptions';
import { streamEntityView } from './routes/streamEntityView';
import { streamPodLogs } from './routes/streamPodLogs';
import { addTimelineRoute } from './routes/timelineRoute';
import { buildWorkloadDetail } from './view/buildWorkloadDetail';
import { entityOwnsPod } from './view/findEntityObjects';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  permissions: PermissionsService;
  cache: Pick<WatchCache, 'list' | 'get' | 'subscribe'>;
  options: MulticlusterOptions;
  /** Records log reads; the plugin always passes it, unit tests may leave it out. */
  auditor?: AuditorService;
  /** Sends the actions' writes (restart, scale, delete pod); without it those routes answer 503. */
  writer?: ClusterWriter;
  /**
   * Checks viewers of user-level clusters with their own token; without it those clusters show
   * nothing to anyone and refuse every write.
   */
  viewerAccess?: ViewerAccessService;
}

/** How often a live stream re-checks a viewer's own rights on user-level clusters. */
const VIEWER_RECHECK_MS = 15_000;

const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, permissions, cache, auditor } = options;
  const { entityScope, serviceLocator } = options.options;
  const gate = new ViewerGate(options.viewerAccess);
  // Entities see each cluster only through the admin's entity scope (docs/security.md#entity-scope).
  const views = new EntityViews({
    catalog,
    permissions,
    cache: { list: () => cache.list().map(r => entityScope.scope(r)) },
    locator: serviceLocator,
    gate,
  });
  const streams = new PerUserLimiter(
    'live view streams',
    options.options.stream.maxPerUser,
    options.options.retryAfterSeconds,
  );
  const follows = new PerUserLimiter(
    'log follows',
    options.options.logs.maxFollowsPerUser,
    options.options.retryAfterSeconds,
  );
  const router = Router();
  router.use(express.json());

  /**
   * The entity's query and its scoped view of one cluster, once the caller may `permission` it;
   * on a user-level cluster, only what the viewer's own RBAC allows of what `touch` reads.
   */
  async function entityInCluster(
    ref: string,
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    cluster: string,
    viewer: ViewerRequestAuth,
    touch: (
      reader: CacheReader,
      query: ReturnType<typeof requireEntityQuery>,
    ) => void,
  ) {
    const entity = await views.authorizedEntity(ref, credentials, permission);
    const query = requireEntityQuery(entityQuery(entity));
    const cached = views.locates(entity, cluster)
      ? cache.get(cluster)
      : undefined;
    const reader =
      cached &&
      (await views.gateReader(entity, entityScope.scope(cached), viewer, r =>
        touch(r, query),
      ));
    return { query, cached, reader };
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const entityPath = '/entities/:kind/:namespace/:name';

  /** The entity, once the caller may read its view. */
  const viewableEntity = (ref: string, credentials: BackstageCredentials) =>
    views.authorizedEntity(ref, credentials, multiclusterViewReadPermission);

  router.get(entityPath, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const ref = parseEntityRefParams(req.params);
    const viewer = viewerAuthOf(req);
    res.json(
      await views.viewFor(await viewableEntity(ref, credentials), viewer),
    );
  });

  router.get(`${entityPath}/stream`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const ref = parseEntityRefParams(req.params);
    const viewer = viewerAuthOf(req);
    let entity = await viewableEntity(ref, credentials);
    const release = streams.acquire(credentials, res);
    if (!release) return;
    res.on('close', release);
    // User-level clusters are seen through the viewer's own rights, re-checked while the stream
    // lasts (answers are cached briefly), so a withdrawn right hides the cluster within that time.
    const gated = () => {
      const query = entityQuery(entity);
      return views.readersForViewer(entity, viewer, r => {
        if (!('code' in query)) buildClusterView(r, query, new Date());
      });
    };
    let readers = await gated();
    const refreshed = new Set<() => void>();
    const userLevel = views
      .readersFor(entity)
      .some(r => r.identity.authMode === 'user');
    const refresh = userLevel
      ? setInterval(() => {
          gated()
            .then(next => {
              readers = next;
              refreshed.forEach(listener => listener());
            })
            .catch(() => {});
        }, VIEWER_RECHECK_MS)
      : undefined;
    res.on('close', () => clearInterval(refresh));
    streamEntityView(req, res, {
      entity,
      view: e => views.viewOf(e, readers),
      recheck: async () => {
        const current = await viewableEntity(ref, credentials);
        entity = current;
        return current;
      },
      subscribe: listener => {
        const unsubscribe = cache.subscribe(listener);
        const onRefresh = () => listener({} as never);
        refreshed.add(onRefresh);
        return () => {
          unsubscribe();
          refreshed.delete(onRefresh);
        };
      },
      options: options.options.stream,
    });
  });

  router.get(
    `${entityPath}/clusters/:cluster/workloads/:workloadKind/:workloadNamespace/:workloadName`,
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const ref = parseEntityRefParams(req.params);
      const { cluster, workloadKind, workloadNamespace, workloadName } =
        req.params;
      if (!isWorkloadKind(workloadKind)) {
        throw new InputError(
          `Unknown workload kind; use one of ${WORKLOAD_KINDS.join(', ')}`,
        );
      }
      checkK8sName(workloadNamespace, 'workload namespace');
      checkK8sName(workloadName, 'workload name');
      const target = {
        kind: workloadKind,
        namespace: workloadNamespace,
        name: workloadName,
      };
      const { query, reader } = await entityInCluster(
        ref,
        credentials,
        multiclusterViewReadPermission,
        cluster,
        viewerAuthOf(req),
        (r, q) => buildWorkloadDetail(r, q, target, new Date()),
      );
      if (!reader) throw new NotFoundError('No such workload for this entity');
      const detail = buildWorkloadDetail(reader, query, target, new Date());
      if (!detail) throw new NotFoundError('No such workload for this entity');
      res.json(detail);
    },
  );

  router.get(
    `${entityPath}/clusters/:cluster/pods/:podNamespace/:podName/logs`,
    async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const ref = parseEntityRefParams(req.params);
      const { cluster, podNamespace, podName } = req.params;
      checkK8sName(podNamespace, 'pod namespace');
      checkK8sName(podName, 'pod name');
      const tailLines = parseTailLines(
        req.query.tailLines,
        options.options.logs,
      );
      const previous = parseBool(req.query.previous, 'previous');
      const follow = parseBool(req.query.follow, 'follow');
      // Recorded after validation, refused or served: who read which pod's logs.
      const audit = await auditor?.createEvent({
        eventId: 'logs-read',
        request: req,
        meta: {
          entityRef: ref,
          cluster,
          namespace: podNamespace,
          pod: podName,
          container:
            typeof req.query.container === 'string'
              ? req.query.container.slice(0, 253)
              : '',
          follow,
          previous,
        },
      });
      try {
        const outcome = await readLogs();
        if (!outcome.ok) await audit?.fail(outcome);
        else await audit?.success({ meta: { container: outcome.container } });
      } catch (error) {
        await audit?.fail({
          error: isError(error) ? error : new Error(String(error)),
        });
        throw error;
      }

      async function readLogs(): Promise<
        | { ok: true; container: string }
        | { ok: false; error: Error; meta: { status: number } }
      > {
        const viewer = viewerAuthOf(req);
        const { query, cached, reader } = await entityInCluster(
          ref,
          credentials,
          multiclusterLogsReadPermission,
          cluster,
          viewer,
          (r, q) => {
            const p = r.get('pods', podNamespace, podName);
            if (p) entityOwnsPod(r, q, p);
          },
        );
        const pod = reader?.get('pods', podNamespace, podName);
        if (!cached || !reader || !pod || !entityOwnsPod(reader, query, pod)) {
          throw new NotFoundError('No such pod for this entity');
        }
        // On a user-level cluster the viewer's own RBAC must also allow reading the logs.
        await gate.requireAllowed(reader, viewer, {
          verb: 'get',
          group: '',
          resource: 'pods',
          subresource: 'log',
          namespace: podNamespace,
          name: podName,
        });
        const containers = (pod.spec?.containers ?? []).map(c => c.name);
        const container =
          typeof req.query.container === 'string' && req.query.container
            ? req.query.container
            : containers[0];
        if (
          !containers.includes(container) &&
          !(pod.spec?.initContainers ?? []).some(c => c.name === container)
        ) {
          throw new InputError(
            `Unknown container; the pod has ${containers.join(', ')}`,
          );
        }
        if (follow) {
          const release = follows.acquire(credentials, res);
          if (!release) {
            return {
              ok: false,
              error: new Error('too many open log follows'),
              meta: { status: 429 },
            };
          }
          res.on('close', release);
        }
        const outcome = await streamPodLogs(req, res, {
          connection: cached.connection,
          namespace: podNamespace,
          pod: podName,
          container,
          previous,
          follow,
          tailLines,
          limits: options.options.logs,
        });
        return outcome.ok
          ? { ok: true, container }
          : {
              ok: false,
              error: outcome.error,
              meta: { status: outcome.status },
            };
      }
    },
  );

  addTimelineRoute(router, entityPath, {
    httpAuth,
    views,
    readers: (entity, req, touch) =>
      views.readersForViewer(entity, viewerAuthOf(req), touch),
  });

  addActionRoutes(router, entityPath, {
    httpAuth,
    catalog,
    permissions,
    views,
    cache,
    entityScope,
    gate,
    writer: options.writer ?? {
      send: async () => {
        throw new ServiceUnavailableError('Actions are not configured');
      },
    },
    auditor,
    options: options.options.actions,
  });

  router.get('/owners/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const ref = parseEntityRefParams(req.params);
    const owner = await catalog.getEntityByRef(ref, { credentials });
    if (!owner) throw new NotFoundError(`No entity ${ref}`);
    res.json(
      await buildOwnerView(owner, credentials, {
        catalog,
        permissions,
        views,
        viewer: viewerAuthOf(req),
      }),
    );
  });

  return router;
}

function checkK8sName(value: string, what: string) {
  if (!K8S_NAME.test(value)) throw new InputError(`Malformed ${what}`);
}

function parseBool(value: unknown, name: string): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError(`${name} must be true or false`);
}

function parseTailLines(
  value: unknown,
  limits: { defaultTailLines: number; maxTailLines: number },
): number {
  if (value === undefined || value === '') return limits.defaultTailLines;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > limits.maxTailLines) {
    throw new InputError(
      `tailLines must be an integer from 1 to ${limits.maxTailLines}`,
    );
  }
  return n;
}
