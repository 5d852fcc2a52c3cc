import type { DevenvSettings } from '../config/settingsSchema';
import { NamespaceClass } from './NamespaceClass';
import { ResourceTemplateClass } from './ResourceTemplateClass';
import type { EnvironmentClass } from './types';

/** The classes platform engineers defined in `kubeplatform.devenv.classes`, by name. */
export function buildEnvironmentClasses(
  settings: DevenvSettings,
): Map<string, EnvironmentClass> {
  return new Map(
    settings.classes.map(config => [
      config.name,
      config.type === 'namespace'
        ? new NamespaceClass(config, settings)
        : new ResourceTemplateClass(config),
    ]),
  );
}
