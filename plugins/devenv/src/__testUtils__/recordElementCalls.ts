/** What jsdom does not carry out: following a link, submitting a form. */
type ElementAction = 'click' | 'submit';

/**
 * Replaces `action` on every element of a kind with one that records the element it was called
 * on, so that a test checks what the browser would have been handed. `jest.restoreAllMocks()`
 * puts the method back.
 */
export function recordElementCalls<E extends HTMLElement>(
  prototype: E,
  action: ElementAction & keyof E,
): E[] {
  const recorded: E[] = [];
  const actions = prototype as unknown as Record<ElementAction, () => void>;
  jest
    .spyOn(actions, action as ElementAction)
    .mockImplementation(function record(this: E) {
      recorded.push(this);
    });
  return recorded;
}
