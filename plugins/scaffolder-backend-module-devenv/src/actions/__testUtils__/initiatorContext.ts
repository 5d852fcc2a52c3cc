import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * An action context for a task that `user` started, recording the lines the action logs and
 * the checkpoints it passes (each checkpoint runs).
 */
export function initiatorContext(
  user: string,
  input: Record<string, unknown>,
  workspacePath?: string,
) {
  const logs: string[] = [];
  const checkpoints: string[] = [];
  const ctx = createMockActionContext({
    input: input as any,
    user: { ref: user },
    ...(workspacePath ? { workspacePath } : {}),
  });
  return {
    logs,
    checkpoints,
    ctx: {
      ...ctx,
      logger: mockServices.logger.mock({
        info: (m: string) => void logs.push(m),
      } as any),
      getInitiatorCredentials: async () => ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'user', userEntityRef: user },
      }),
      checkpoint: async (opts: any) => {
        checkpoints.push(opts.key);
        return opts.fn();
      },
    } as any,
  };
}

/** What the action output, by name. */
export function outputsOf(ctx: { output: jest.Mock }): Record<string, any> {
  return Object.fromEntries(ctx.output.mock.calls);
}

/**
 * An action context for a task `user:default/mock` started; this version of
 * createMockActionContext drops isDryRun, so it is set here.
 */
export function mockUserContext(
  input: Record<string, unknown>,
  isDryRun: boolean,
  workspacePath?: string,
) {
  const ctx = createMockActionContext({
    input: input as any,
    user: { ref: 'user:default/mock' },
    ...(workspacePath ? { workspacePath } : {}),
  });
  return { ...ctx, isDryRun, checkpoint: jest.fn(ctx.checkpoint) } as any;
}
