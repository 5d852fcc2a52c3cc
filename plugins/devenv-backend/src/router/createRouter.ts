import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  describeIssues,
  environmentNameProblem,
  environmentPatchSchema,
} from '@kubeplatform/clusters-common';
import {
  runInAuditEvent,
  type EnvironmentAccessPolicy,
  type EnvironmentAction,
  type EnvironmentProvisioner,
} from '@kubeplatform/plugin-devenv-node';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import type { AuditTrail } from '../audit/AuditTrail';
import { cliSignInPageUrl } from '../cli/cliSignInPage';
import { execCredential } from '../cli/execCredential';
import { execKubeconfig } from '../cli/execKubeconfig';

export interface RouterOptions {
  provisioner: EnvironmentProvisioner;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  /** Who may do what: the same policy the scaffolder actions use. */
  access: EnvironmentAccessPolicy;
  audit: AuditTrail;
  /** Every mutation is recorded here, after validation, with actor, target and outcome. */
  auditor: AuditorService;
  logger: LoggerService;
  /** Issues the credential plugin's limited user token. */
  auth: AuthService;
  /** For the credential plugin: the app's base URL and this API's external URL. */
  cli: { appBaseUrl?: string; apiUrl: string };
}

/** What the audit middleware records about a request, filled in by the handler. */
interface AuditLocals {
  actor?: string;
  action?: string;
  cluster?: string;
  environment?: string;
}

interface Caller {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  userRef: string;
}

/** A signed-in caller's request about the environment its route names. */
interface EnvironmentCall {
  req: Request;
  res: Response;
  cluster: string;
  name: string;
  who: Caller;
  /** Made with the credential plugin's limited token: audited as its user's act. */
  fromCredentialPlugin: boolean;
}

function audit(res: Response): AuditLocals {
  res.locals.audit ??= {};
  return res.locals.audit as AuditLocals;
}

function routeParams(req: Request, res: Response) {
  const { cluster, name } = req.params;
  Object.assign(audit(res), { cluster, environment: name });
  const problem = environmentNameProblem(name);
  if (problem) {
    throw new InputError(`Environment name ${problem}`);
  }
  return { cluster, name };
}

/** A mutation as the auditor names it. */
type AuditedAction =
  | 'create'
  | 'delete'
  | 'extend'
  | 'sleep'
  | 'wake'
  | 'kubeconfig-issue'
  | 'cli-token-issue'
  | 'connection-read';

/** An action on one environment, as the audit trail records it. */
type EnvironmentTrailAction =
  | 'extend'
  | 'sleep'
  | 'wake'
  | 'delete'
  | 'issue-kubeconfig'
  | 'issue-credential'
  | 'read-connection';

/**
 * How each action on one environment is audited, what the caller must be allowed to do, and
 * how a refusal of a name that belongs to an unmanaged namespace ends.
 */
const ENVIRONMENT_ACTIONS: Record<
  EnvironmentTrailAction,
  {
    audited: AuditedAction;
    permission: EnvironmentAction;
    consequence?: string;
  }
> = {
  extend: { audited: 'extend', permission: 'extend' },
  sleep: { audited: 'sleep', permission: 'sleep' },
  wake: { audited: 'wake', permission: 'wake' },
  delete: {
    audited: 'delete',
    permission: 'delete',
    consequence: 'nothing was deleted',
  },
  'issue-kubeconfig': { audited: 'kubeconfig-issue', permission: 'connect' },
  'issue-credential': { audited: 'kubeconfig-issue', permission: 'connect' },
  'read-connection': { audited: 'connection-read', permission: 'connect' },
};

/**
 * Runs a mutation inside an auditor event: created once the input is valid, closed with
 * success or with the error that refused or failed it.
 */
async function audited<T>(
  auditor: AuditorService,
  req: Request,
  action: AuditedAction,
  target: { cluster?: string; environment?: string },
  run: () => Promise<T>,
  /** Set for the credential plugin's limited token, which the auditor cannot resolve itself. */
  limitedActor?: string,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: `environment-${action}`,
    ...(limitedActor
      ? { meta: { ...target, actor: limitedActor, via: 'credential-plugin' } }
      : { request: req, meta: { ...target } }),
  });
  return runInAuditEvent(event, run);
}

/** The devenv platform API. Errors are Backstage errors; the HTTP router maps them to statuses. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { provisioner, httpAuth, userInfo, access, logger, auditor } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.use((req, res, next) => {
    res.on('finish', () => {
      const locals = audit(res);
      if (!locals.action) {
        return;
      }
      void options.audit.record({
        at: new Date().toISOString(),
        actor: locals.actor ?? 'unknown',
        method: req.method,
        path: req.originalUrl.split('?')[0],
        action: locals.action,
        cluster: locals.cluster,
        environment: locals.environment,
        status: res.statusCode,
        outcome: res.statusCode < 400 ? 'success' : 'failure',
        message: res.locals.errorMessage,
      });
    });
    next();
  });

  const caller = async (
    req: Request,
    res: Response,
    { fromCredentialPlugin = false } = {},
  ): Promise<Caller> => {
    // The credential plugin's limited token counts only where it is meant for, and only as a
    // bearer token: never the app's cookie, which a cross-site form would carry.
    if (fromCredentialPlugin && !req.headers.authorization) {
      throw new AuthenticationError('Missing bearer token');
    }
    const credentials = await httpAuth.credentials(req, {
      allow: ['user'],
      allowLimitedAccess: fromCredentialPlugin,
    });
    const info = await userInfo.getUserInfo(credentials);
    audit(res).actor = info.userEntityRef;
    return { credentials, userRef: info.userEntityRef };
  };

  /** The environment the route names, then its caller: refused in that order. */
  const environmentCall = async (
    req: Request,
    res: Response,
    { fromCredentialPlugin = false } = {},
  ): Promise<EnvironmentCall> => {
    const { cluster, name } = routeParams(req, res);
    const who = await caller(req, res, { fromCredentialPlugin });
    return { req, res, cluster, name, who, fromCredentialPlugin };
  };

  /**
   * An audited action on the environment of the call, authorized on what was found and then
   * done to that very anchor only (its UID): a refusal is never learnt by trying, and a
   * same-named environment created meanwhile is not touched.
   */
  const actOnEnvironment = <T>(
    { req, res, cluster, name, who, fromCredentialPlugin }: EnvironmentCall,
    action: EnvironmentTrailAction,
    act: (uid: string) => Promise<T>,
  ): Promise<T> => {
    audit(res).action = action;
    const {
      audited: auditorAction,
      permission,
      consequence,
    } = ENVIRONMENT_ACTIONS[action];
    return audited(
      auditor,
      req,
      auditorAction,
      { cluster, environment: name },
      async () => {
        const { environment, uid } = await provisioner.identify(
          cluster,
          name,
          consequence,
        );
        await access.authorize(who.credentials, permission, environment);
        return act(uid);
      },
      fromCredentialPlugin ? who.userRef : undefined,
    );
  };

  /** Reads are audited too, with whoever made them (a user or a service). */
  const reader = async (req: Request, res: Response, action: string) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    Object.assign(audit(res), {
      action,
      actor:
        credentials.principal.type === 'user'
          ? credentials.principal.userEntityRef
          : credentials.principal.subject,
    });
    return credentials;
  };

  router.get('/classes', async (req, res) => {
    await reader(req, res, 'list-classes');
    res.json({ items: provisioner.listClasses() });
  });

  router.get('/clusters', async (req, res) => {
    await reader(req, res, 'list-clusters');
    res.json({ items: await provisioner.listClusters() });
  });

  router.get('/environments', async (req, res) => {
    const credentials = await reader(req, res, 'list');
    const { owner, cluster } = req.query;
    let owners: string[] | undefined;
    if (owner === 'me') {
      if (credentials.principal.type !== 'user') {
        throw new InputError('owner=me needs a signed-in user');
      }
      owners = (await userInfo.getUserInfo(credentials)).ownershipEntityRefs;
    } else if (typeof owner === 'string' && owner) {
      owners = owner.split(',');
    }
    // devenv.read, then the visibility setting: a narrower scope wins over the query.
    const scope = await access.listScope(credentials);
    if (!scope.all) {
      const visible = scope.owners.map(o => o.toLocaleLowerCase('en-US'));
      owners = (owners ?? scope.owners).filter(o =>
        visible.includes(o.toLocaleLowerCase('en-US')),
      );
    }
    const result = await provisioner.list({
      owners,
      cluster: typeof cluster === 'string' && cluster ? cluster : undefined,
    });
    res.json(result);
  });

  router.get('/environments/:cluster/:name', async (req, res) => {
    await reader(req, res, 'get');
    const { cluster, name } = routeParams(req, res);
    res.json(await provisioner.get(cluster, name));
  });

  router.post('/environments', async (req, res) => {
    const who = await caller(req, res);
    const dryRun = req.query.dryRun === 'true';
    const body = { ...req.body, owner: req.body?.owner ?? who.userRef };
    Object.assign(audit(res), {
      action: dryRun ? 'plan' : 'create',
      cluster: typeof body.cluster === 'string' ? body.cluster : undefined,
      environment: typeof body.name === 'string' ? body.name : undefined,
    });
    await access.authorizeCreate(who.credentials);
    const plan = await provisioner.plan(body, { createdBy: who.userRef });
    if (dryRun) {
      await access.authorizeOwner(who.credentials, plan.request.owner);
      res.json({ environment: plan.environment, manifests: plan.manifests });
      return;
    }
    const target = {
      cluster: plan.request.cluster,
      environment: plan.request.name,
    };
    const result = await audited(auditor, req, 'create', target, async () => {
      await access.authorizeOwner(who.credentials, plan.request.owner);
      return provisioner.create(body, { createdBy: who.userRef });
    });
    res.status(result.created ? 201 : 200).json(result);
  });

  router.patch('/environments/:cluster/:name', async (req, res) => {
    const call = await environmentCall(req, res);
    const { cluster, name } = call;
    const parsed = environmentPatchSchema.safeParse(req.body);
    if (!parsed.success) {
      // Only a validated action is ever recorded; the raw body is not.
      audit(res).action = 'update';
      throw new InputError(`Invalid update: ${describeIssues(parsed.error)}`);
    }
    const patch = parsed.data;
    const updated = await actOnEnvironment(call, patch.action, uid => {
      switch (patch.action) {
        case 'extend':
          return provisioner.extend(cluster, name, patch.ttl, { uid });
        case 'sleep':
          return provisioner.sleep(cluster, name, 'manual', { uid });
        default:
          return provisioner.wake(cluster, name, { uid });
      }
    });
    res.json(updated);
  });

  router.delete('/environments/:cluster/:name', async (req, res) => {
    const call = await environmentCall(req, res);
    const deleted = await actOnEnvironment(call, 'delete', uid =>
      provisioner.delete(call.cluster, call.name, { uid }),
    );
    res.json(deleted);
  });

  const issueKubeconfig = async (
    req: Request,
    res: Response,
    action: 'issue-credential' | 'issue-kubeconfig',
  ) => {
    const call = await environmentCall(req, res, {
      fromCredentialPlugin:
        action === 'issue-credential' || req.query.format === 'exec',
    });
    const { cluster, name } = call;
    const issued = await actOnEnvironment(call, action, uid =>
      provisioner.issueKubeconfig(cluster, name, { uid }),
    );
    // Credentials: never cached, never logged; only the requesting user receives them.
    res.setHeader('Cache-Control', 'no-store');
    return { cluster, name, issued };
  };

  router.post('/environments/:cluster/:name/credential', async (req, res) => {
    const { issued } = await issueKubeconfig(req, res, 'issue-credential');
    res.json(execCredential(issued));
  });

  router.post('/environments/:cluster/:name/kubeconfig', async (req, res) => {
    const { cluster, name, issued } = await issueKubeconfig(
      req,
      res,
      'issue-kubeconfig',
    );
    if (req.query.format === 'exec') {
      const yaml = execKubeconfig({
        issuedKubeconfig: issued.kubeconfig,
        apiUrl: options.cli.apiUrl,
        cluster,
        name,
      });
      res.type('application/yaml').send(yaml);
      return;
    }
    if (req.query.format === 'yaml') {
      res.type('application/yaml').send(issued.kubeconfig);
      return;
    }
    res.json(issued);
  });

  router.get('/cli/login', (req, res) => {
    if (!options.cli.appBaseUrl) {
      throw new ServiceUnavailableError(
        'app.baseUrl is not configured, so there is no sign-in page',
      );
    }
    res.redirect(cliSignInPageUrl(options.cli.appBaseUrl, req.query));
  });

  // For a browser session only (a limited token cannot renew itself): a token that the
  // credential plugin caches, limited so that no other Backstage API accepts it.
  router.post('/cli/token', async (req, res) => {
    const who = await caller(req, res);
    audit(res).action = 'issue-cli-token';
    const limited = await audited(auditor, req, 'cli-token-issue', {}, () =>
      options.auth.getLimitedUserToken(who.credentials),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      token: limited.token,
      expiresAt: limited.expiresAt.toISOString(),
    });
  });

  router.get('/environments/:cluster/:name/connection', async (req, res) => {
    const call = await environmentCall(req, res);
    const connection = await actOnEnvironment(call, 'read-connection', () =>
      provisioner.readConnectionSecret(call.cluster, call.name),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json(connection);
  });

  router.get('/audit', async (req, res) => {
    const who = await caller(req, res);
    const isAdmin = await access.isAdmin(who.credentials);
    const { cluster, name, limit } = req.query;
    res.json({
      items: await options.audit.list({
        actor: isAdmin ? undefined : who.userRef,
        cluster: typeof cluster === 'string' ? cluster : undefined,
        environment: typeof name === 'string' ? name : undefined,
        limit: typeof limit === 'string' ? Number(limit) || 100 : 100,
      }),
    });
  });

  // Records the safe error message for the audit trail, then lets the HTTP router answer.
  router.use(
    (
      error: Error,
      _req: Request,
      res: Response,
      next: express.NextFunction,
    ) => {
      res.locals.errorMessage = error.message;
      if (!(error as { statusCode?: number }).statusCode) {
        logger.debug(`devenv request failed: ${error.message}`);
      }
      next(error);
    },
  );

  return router;
}
