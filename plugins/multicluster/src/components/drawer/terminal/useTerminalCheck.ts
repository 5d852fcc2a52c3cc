import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import useAsync from 'react-use/esm/useAsync';
import { TerminalTarget, terminalQuery } from './terminalUrls';

/** Why a terminal cannot be opened, in the user's words; undefined while it may be. */
export type TerminalRefusal = { status: number; reason: string };

/**
 * Asks the backend the whole decision the terminal's upgrade will get (permission, pod of the
 * entity, container of the pod) so that a refusal has a readable reason: a browser never sees
 * the status of a refused WebSocket upgrade.
 */
export function useTerminalCheck(target: TerminalTarget | undefined) {
  const discovery = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  return useAsync(async (): Promise<TerminalRefusal | undefined> => {
    if (!target) return { status: 0, reason: 'No pod to open a terminal in' };
    const base = await discovery.getBaseUrl('multicluster');
    const res = await fetchApi.fetch(
      `${base}/exec/check?${terminalQuery(target)}`,
    );
    if (res.ok) return undefined;
    if (res.status === 403) {
      return {
        status: 403,
        reason:
          'You do not have the multicluster.pods.exec permission on this entity',
      };
    }
    const error = await ResponseError.fromResponse(res);
    return { status: res.status, reason: error.body.error.message };
  }, [
    discovery,
    fetchApi,
    target?.entity.kind,
    target?.entity.namespace,
    target?.entity.name,
    target?.cluster,
    target?.namespace,
    target?.pod,
    target?.container,
  ]);
}
