import { pipeline, Readable, Transform } from 'node:stream';
import { KubernetesRequestError } from './KubernetesRequestError';

/**
 * Passes a newline-delimited stream (a watch response) through unchanged, and ends it with an
 * error once a single line grows past `maxLineBytes`, so a line reader never buffers without
 * bound. Destroying the returned stream destroys the source, which frees its socket.
 */
export function limitLineLength(
  source: Readable,
  maxLineBytes: number,
): Readable {
  /** Bytes of the line not yet ended by a newline. */
  let lineBytes = 0;
  const tooLong = () =>
    new KubernetesRequestError(
      'server_error',
      `the watch sent a line longer than ${maxLineBytes} bytes`,
    );
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let start = 0;
      for (
        let newline = chunk.indexOf(0x0a);
        newline >= 0;
        newline = chunk.indexOf(0x0a, start)
      ) {
        if (lineBytes + newline - start > maxLineBytes) {
          callback(tooLong());
          return;
        }
        lineBytes = 0;
        start = newline + 1;
      }
      lineBytes += chunk.length - start;
      if (lineBytes > maxLineBytes) {
        callback(tooLong());
        return;
      }
      callback(null, chunk);
    },
  });
  // pipeline forwards the source's errors and destroys both streams when either ends early.
  pipeline(source, limited, () => {});
  return limited;
}
