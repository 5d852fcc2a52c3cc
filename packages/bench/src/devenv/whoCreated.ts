import fs from 'node:fs';

/** Who wrote what the runs made, as the API server audited it. */
export interface AuditedWriters {
  /** Write requests (create, patch, update) on the environments' namespaces and objects, per user. */
  environmentWrites: Record<string, number>;
  /** Write requests on the bare namespaces, per user. */
  bareNamespaceWrites: Record<string, number>;
  /**
   * Names whose namespace create is not in the audit log. The local fleet's audit policy records
   * service-account requests only, so a create made with the admin certificate shows up here.
   */
  createsNotAudited: string[];
}

interface AuditEvent {
  stage: string;
  verb: string;
  user: { username: string };
  objectRef?: {
    resource?: string;
    subresource?: string;
    namespace?: string;
    name?: string;
  };
  requestReceivedTimestamp: string;
}

const WRITES = new Set(['create', 'patch', 'update']);

/**
 * Reads the cluster's audit log for the writes on the namespaces the runs made, to show with
 * whose credentials the backend under test acted.
 */
export function whoCreated(
  auditLogPath: string,
  since: Date,
  made: { environments: string[]; bareNamespaces: string[] },
): AuditedWriters {
  const environments = new Set(made.environments);
  const bare = new Set(made.bareNamespaces);
  const result: AuditedWriters = {
    environmentWrites: {},
    bareNamespaceWrites: {},
    createsNotAudited: [],
  };
  const created = new Set<string>();
  const lines = fs.existsSync(auditLogPath)
    ? fs.readFileSync(auditLogPath, 'utf8').split('\n')
    : [];
  for (const line of lines) {
    if (!line.trim()) continue;
    let event: AuditEvent;
    try {
      event = JSON.parse(line);
    } catch {
      continue; // a line the API server is still writing
    }
    if (
      event.stage !== 'ResponseComplete' ||
      !WRITES.has(event.verb) ||
      Date.parse(event.requestReceivedTimestamp) < since.getTime()
    ) {
      continue;
    }
    const ref = event.objectRef ?? {};
    const namespace =
      ref.resource === 'namespaces' && !ref.subresource
        ? ref.name
        : ref.namespace;
    if (!namespace) continue;
    let tally: Record<string, number> | undefined;
    if (environments.has(namespace)) tally = result.environmentWrites;
    else if (bare.has(namespace)) tally = result.bareNamespaceWrites;
    if (!tally) continue;
    const who = event.user.username;
    tally[who] = (tally[who] ?? 0) + 1;
    if (ref.resource === 'namespaces' && event.verb === 'create') {
      created.add(namespace);
    }
  }
  result.createsNotAudited = [...environments, ...bare].filter(
    name => !created.has(name),
  );
  return result;
}
