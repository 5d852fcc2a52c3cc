import type { DevenvSettings } from '@kubeplatform/plugin-devenv-node';
import { namespaceClassSettings } from '@kubeplatform/plugin-devenv-node/testUtils';

/** The namespace class, `group:default/platform` as admins and no reaper; `extra` merged in. */
export function devenvTestSettings(
  extra: Record<string, unknown> = {},
): DevenvSettings {
  return namespaceClassSettings({
    admins: ['group:default/platform'],
    reaper: { enabled: false },
    ...extra,
  });
}
