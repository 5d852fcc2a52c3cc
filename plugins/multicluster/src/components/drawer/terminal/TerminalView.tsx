import {
  discoveryApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import {
  POD_EXEC_BEARER_PROTOCOL_PREFIX,
  POD_EXEC_PROTOCOL,
} from '@kubeplatform/clusters-common';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { base64url, TerminalTarget, terminalSocketUrl } from './terminalUrls';

export type TerminalState =
  | { phase: 'connecting' }
  | { phase: 'open' }
  | { phase: 'closed'; code: number; reason: string }
  | { phase: 'error'; message: string };

/**
 * An xterm.js terminal attached to the backend's exec WebSocket for as long as it is mounted:
 * keys go out as binary frames, output comes back as binary frames, a resize as a text frame.
 */
export function TerminalView(props: {
  target: TerminalTarget;
  onState: (state: TerminalState) => void;
}) {
  const { target, onState } = props;
  const discovery = useApi(discoveryApiRef);
  const identity = useApi(identityApiRef);
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let socket: WebSocket | undefined;
    let disposed = false;
    const term = new Terminal({
      convertEol: false,
      cursorBlink: true,
      fontSize: 13,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    if (element.current) {
      term.open(element.current);
      fit.fit();
    }
    const sendSize = () => {
      if (socket?.readyState === WebSocket.OPEN) {
        socket.send(
          JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows }),
        );
      }
    };
    const onWindowResize = () => {
      fit.fit();
      sendSize();
    };
    window.addEventListener('resize', onWindowResize);
    const encoder = new TextEncoder();
    const input = term.onData(data => {
      if (socket?.readyState === WebSocket.OPEN)
        socket.send(encoder.encode(data));
    });

    onState({ phase: 'connecting' });
    (async () => {
      const [base, { token }] = await Promise.all([
        discovery.getBaseUrl('multicluster'),
        identity.getCredentials(),
      ]);
      if (disposed) return;
      const protocols = [POD_EXEC_PROTOCOL];
      if (token)
        protocols.push(`${POD_EXEC_BEARER_PROTOCOL_PREFIX}${base64url(token)}`);
      socket = new WebSocket(terminalSocketUrl(base, target), protocols);
      socket.binaryType = 'arraybuffer';
      socket.onopen = () => {
        onState({ phase: 'open' });
        sendSize();
        term.focus();
      };
      socket.onmessage = event => {
        if (event.data instanceof ArrayBuffer)
          term.write(new Uint8Array(event.data));
      };
      socket.onclose = event => {
        if (!disposed)
          onState({ phase: 'closed', code: event.code, reason: event.reason });
      };
    })().catch(error => {
      if (!disposed) onState({ phase: 'error', message: String(error) });
    });

    return () => {
      disposed = true;
      window.removeEventListener('resize', onWindowResize);
      input.dispose();
      socket?.close();
      term.dispose();
    };
    // One connection per target; onState is the parent's setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    discovery,
    identity,
    target.cluster,
    target.namespace,
    target.pod,
    target.container,
  ]);

  return (
    <div
      ref={element}
      data-testid="pod-terminal-screen"
      style={{ height: '50vh', width: '100%' }}
    />
  );
}
