import type { RootConfigService } from '@backstage/backend-plugin-api';
import { describeIssues, parseDuration } from '@kubeplatform/clusters-common';
import { DevenvSettings, devenvSettingsSchema } from './settingsSchema';

/**
 * Reads and checks `kubeplatform.devenv`; a bad class definition stops the backend with a clear message.
 *
 * @public
 */
export function readDevenvSettings(config: RootConfigService): DevenvSettings {
  const raw = config.getOptional('kubeplatform.devenv') ?? {};
  return parseDevenvSettings(raw);
}

/** @public */
export function parseDevenvSettings(raw: unknown): DevenvSettings {
  const parsed = devenvSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid kubeplatform.devenv config: ${describeIssues(parsed.error)}`,
    );
  }
  const settings = parsed.data;
  const seen = new Set<string>();
  for (const cls of settings.classes) {
    const where = `kubeplatform.devenv.classes[${cls.name}]`;
    if (seen.has(cls.name)) {
      throw new Error(`${where}: duplicate class name`);
    }
    seen.add(cls.name);
    for (const size of [...(cls.sizes ?? []), cls.defaultSize ?? []].flat()) {
      if (!settings.sizes[size]) {
        throw new Error(`${where}: unknown size "${size}"`);
      }
    }
    if (parseDuration(cls.ttl.default)! > parseDuration(cls.ttl.max)!) {
      throw new Error(`${where}: ttl.default is longer than ttl.max`);
    }
  }
  return settings;
}
