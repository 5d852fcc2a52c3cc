import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  POD_EXEC_BEARER_PROTOCOL_PREFIX,
  POD_EXEC_PROTOCOL,
} from '@kubeplatform/clusters-common';
import type { ClustersService } from '@kubeplatform/clusters-node';
import express from 'express';
import Router from 'express-promise-router';
import { IncomingMessage, STATUS_CODES } from 'node:http';
import { Server, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import {
  authorizeExec,
  ExecAuthorizer,
  ExecTarget,
  parseExecTarget,
} from './authorizeExec';
import { CLOSE, ExecEnd, runExecSession } from './execSession';
import { ExecSessionCap } from './ExecSessionCap';
import { sessionEnd } from './sessionEnd';
import { ExecOptions } from './readExecOptions';

export const EXEC_PROTOCOL = POD_EXEC_PROTOCOL;
const BEARER_PROTOCOL_PREFIX = POD_EXEC_BEARER_PROTOCOL_PREFIX;

/** The terminal's path under the plugin; `${path}/check` answers the same decision as JSON. */
export const EXEC_PATH = '/exec';

export interface ExecEndpointDeps extends ExecAuthorizer {
  auth: AuthService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  auditor: AuditorService;
  clusters: Pick<ClustersService, 'getKubeConfig'>;
  options: ExecOptions;
}

function statusOf(error: unknown): number {
  if (error instanceof InputError) return 400;
  if (error instanceof AuthenticationError) return 401;
  if (error instanceof NotAllowedError) return 403;
  if (error instanceof NotFoundError) return 404;
  return 500;
}

function refuse(socket: Duplex, status: number, message: string) {
  const body = JSON.stringify({
    error: { message },
    response: { statusCode: status },
  });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

/** The (http or https) server that accepted a request's socket; Node keeps it on the socket. */
function serverOf(socket: Socket): Server | undefined {
  const server: unknown = Reflect.get(socket, 'server');
  return server instanceof Server ? server : undefined;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  const offered = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map(p => p.trim());
  const encoded = offered.find(p => p.startsWith(BEARER_PROTOCOL_PREFIX));
  return encoded
    ? Buffer.from(
        encoded.slice(BEARER_PROTOCOL_PREFIX.length),
        'base64url',
      ).toString('utf8')
    : undefined;
}

/**
 * The pod terminal: a WebSocket at `/exec` and its JSON twin `/exec/check`. Backstage's
 * httpRouter gives plugins no hook for HTTP upgrades. While nothing listens to the server's
 * 'upgrade' event, Node hands upgrades to Express like any request, and the terminal takes the
 * socket over in its route (as upstream's Kubernetes proxy does). Once another plugin listens
 * (the signals plugin does), upgrades never reach Express again; then the terminal subscribes
 * too, from the next request it serves (the page's `/exec/check` comes before every terminal),
 * and answers only its own path. Either way it authenticates the upgrade itself.
 */
export function createExecEndpoint(deps: ExecEndpointDeps): express.Router {
  const { auth, logger, auditor, options } = deps;
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: 64 * 1024,
    handleProtocols: offered =>
      offered.has(EXEC_PROTOCOL) ? EXEC_PROTOCOL : false,
  });
  wss.on('error', error =>
    logger.warn(`Terminal WebSocket server error: ${error}`),
  );
  const subscribed = new WeakSet<Server>();
  const sessions = new ExecSessionCap(options.maxSessionsPerUser);

  async function userCredentials(req: IncomingMessage) {
    const token = bearerToken(req);
    if (!token) throw new AuthenticationError('A user token is required');
    let credentials: BackstageCredentials;
    try {
      credentials = await auth.authenticate(token);
    } catch {
      throw new AuthenticationError('Invalid token');
    }
    if (!auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError('Only users may open a terminal');
    }
    return credentials;
  }

  async function handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ) {
    const origin = req.headers.origin;
    if (origin && !options.allowedOrigins.includes(origin)) {
      refuse(socket, 403, 'Cross-origin terminals are refused');
      return;
    }
    let credentials: BackstageCredentials<BackstageUserPrincipal>;
    let target: ExecTarget;
    try {
      credentials = await userCredentials(req);
      target = parseExecTarget(
        new URL(req.url ?? '', 'http://localhost').searchParams,
      );
    } catch (error) {
      refuse(
        socket,
        statusOf(error),
        isError(error) ? error.message : 'Refused',
      );
      return;
    }
    const who = {
      actor: credentials.principal.userEntityRef,
      entityRef: target.entityRef,
      cluster: target.cluster,
      namespace: target.namespace,
      pod: target.pod,
      container: target.container,
    };
    // Who opened which container's terminal, and how it ended; never what was typed.
    const start = await auditor.createEvent({
      eventId: 'pod-exec',
      severityLevel: 'high',
      meta: who,
    });
    const refuseAfterAudit = async (error: unknown) => {
      const status = statusOf(error);
      if (status === 500) logger.error(`Terminal refused: ${error}`);
      await start.fail({
        error: isError(error) ? error : new Error(String(error)),
        meta: { status },
      });
      refuse(
        socket,
        status,
        status === 500 || !isError(error) ? 'Internal error' : error.message,
      );
    };
    let kubeConfig;
    try {
      await authorizeExec(deps, target, credentials);
    } catch (error) {
      await refuseAfterAudit(error);
      return;
    }
    // Only an authorized session counts, and takes its slot before any await.
    const release = sessions.tryAcquire(who.actor);
    if (!release) {
      const reason = sessions.refusal();
      await start.fail({
        error: new Error(reason),
        meta: {
          status: 429,
          openSessions: sessions.openFor(who.actor),
          maxSessionsPerUser: sessions.max,
        },
      });
      // Accepted, then closed with a reason: a browser never sees a refused upgrade's status.
      wss.handleUpgrade(req, socket, head, browser =>
        browser.close(CLOSE.tooManySessions, reason),
      );
      return;
    }
    socket.once('close', release);
    if (socket.destroyed) release();
    try {
      kubeConfig = await deps.clusters.getKubeConfig(target.cluster);
    } catch (error) {
      await refuseAfterAudit(error);
      return;
    }
    wss.handleUpgrade(req, socket, head, browser => {
      const opened = Date.now();
      const auditFailed = (error: unknown) =>
        logger.error(`Could not audit a terminal: ${error}`);
      start.success().catch(auditFailed);
      runExecSession({
        browser,
        kubeConfig,
        target,
        command: options.command,
        limits: options,
        stillAllowed: () => sessionEnd(deps, target, credentials),
      })
        .then(async (end: ExecEnd) => {
          const ending = await auditor.createEvent({
            eventId: 'pod-exec-end',
            severityLevel: 'medium',
            meta: {
              ...who,
              code: end.code,
              reason: end.reason,
              durationMs: Date.now() - opened,
            },
          });
          await ending.success();
        })
        .catch(auditFailed);
    });
  }

  const router = Router();
  router.use((req, _res, next) => {
    const server = serverOf(req.socket);
    // Someone (the signals plugin) listens for upgrades: they no longer reach Express.
    if (
      server &&
      !subscribed.has(server) &&
      server.listenerCount('upgrade') > 0
    ) {
      subscribed.add(server);
      const path = `${req.baseUrl}${EXEC_PATH}`;
      server.on(
        'upgrade',
        (upgrade: IncomingMessage, socket: Duplex, head: Buffer) => {
          if (
            new URL(upgrade.url ?? '', 'http://localhost').pathname !== path
          ) {
            return;
          }
          handleUpgrade(upgrade, socket, head).catch(error => {
            logger.error(`Terminal upgrade failed: ${error}`);
            socket.destroy();
          });
        },
      );
    }
    if (
      req.path === EXEC_PATH &&
      req.headers.upgrade?.toLowerCase() === 'websocket'
    ) {
      // No one listens for upgrades, so Node handed this one to Express (as upstream's
      // Kubernetes proxy relies on): take the socket over here.
      handleUpgrade(req, req.socket, Buffer.alloc(0)).catch(error => {
        logger.error(`Terminal upgrade failed: ${error}`);
        req.socket.destroy();
      });
      return;
    }
    next();
  });

  router.get(`${EXEC_PATH}/check`, async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const target = parseExecTarget(
      new URL(req.originalUrl, 'http://localhost').searchParams,
    );
    await authorizeExec(deps, target, credentials);
    if (sessions.openFor(credentials.principal.userEntityRef) >= sessions.max) {
      const reason = sessions.refusal();
      res.status(429).json({
        error: {
          name: 'TooManyRequestsError',
          message: `${reason[0].toUpperCase()}${reason.slice(1)}`,
        },
        response: { statusCode: 429 },
      });
      return;
    }
    res.json({ ok: true });
  });

  return router;
}
