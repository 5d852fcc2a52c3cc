import { EntityAddress } from '../../../api';

/** Which container's terminal: the entity, never the browser, decides what it may reach. */
export interface TerminalTarget {
  entity: EntityAddress;
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
}

export function terminalQuery(target: TerminalTarget): string {
  const { kind, namespace, name } = target.entity;
  return new URLSearchParams({
    entity: `${kind}:${namespace}/${name}`,
    cluster: target.cluster,
    namespace: target.namespace,
    pod: target.pod,
    container: target.container,
  }).toString();
}

/** `http(s)://…/api/multicluster` to the terminal's `ws(s)://…/exec?…`. */
export function terminalSocketUrl(base: string, target: TerminalTarget) {
  return `${base.replace(/^http/, 'ws')}/exec?${terminalQuery(target)}`;
}

/** The token as a subprotocol: base64url of its UTF-8 bytes. */
export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach(b => {
    binary += String.fromCharCode(b);
  });
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
