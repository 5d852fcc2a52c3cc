import fs from 'node:fs';

/** One API request as the apiserver's audit log records it (Metadata level). */
export interface AuditedRequest {
  auditID: string;
  username: string;
  verb: string;
  requestURI: string;
  resource?: string;
  namespace?: string;
  /** The HTTP status, once the response is complete. */
  code?: number;
  userAgent?: string;
  receivedAt: string;
  /** Whether the request finished (a watch still open has only started). */
  complete: boolean;
}

interface AuditEvent {
  auditID: string;
  stage: string;
  verb: string;
  requestURI: string;
  userAgent?: string;
  user: { username: string };
  objectRef?: { resource?: string; namespace?: string };
  responseStatus?: { code?: number };
  requestReceivedTimestamp: string;
}

/**
 * The service-account requests a cluster's apiserver has audited (the local fleet's audit
 * policy records only those), one entry per request. Benchmarks count the backend's API calls
 * with it; health checks are not recorded.
 */
export function readAuditedRequests(
  auditLogPath: string,
  filter: { username?: string; since?: Date } = {},
): AuditedRequest[] {
  if (!fs.existsSync(auditLogPath)) return [];
  const byId = new Map<string, AuditedRequest>();
  for (const line of fs.readFileSync(auditLogPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let event: AuditEvent;
    try {
      event = JSON.parse(line);
    } catch {
      continue; // a line the apiserver is still writing
    }
    if (filter.username && event.user.username !== filter.username) continue;
    if (
      filter.since &&
      Date.parse(event.requestReceivedTimestamp) < filter.since.getTime()
    ) {
      continue;
    }
    byId.set(event.auditID, {
      auditID: event.auditID,
      username: event.user.username,
      verb: event.verb,
      requestURI: event.requestURI,
      resource: event.objectRef?.resource,
      namespace: event.objectRef?.namespace,
      code: event.responseStatus?.code,
      userAgent: event.userAgent,
      receivedAt: event.requestReceivedTimestamp,
      complete: event.stage === 'ResponseComplete' || event.stage === 'Panic',
    });
  }
  return [...byId.values()];
}
