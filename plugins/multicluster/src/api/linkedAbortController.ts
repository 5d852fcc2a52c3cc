/**
 * An AbortController that also aborts when `parent` aborts. `release` detaches it from the
 * parent so that long-lived parent signals do not collect listeners.
 */
export function linkedAbortController(parent?: AbortSignal): {
  controller: AbortController;
  release: () => void;
} {
  const controller = new AbortController();
  if (!parent) return { controller, release: () => {} };
  if (parent.aborted) {
    controller.abort();
    return { controller, release: () => {} };
  }
  const onAbort = () => controller.abort();
  parent.addEventListener('abort', onAbort);
  return {
    controller,
    release: () => parent.removeEventListener('abort', onAbort),
  };
}
