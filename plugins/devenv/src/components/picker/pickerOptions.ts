import type {
  EnvironmentClassSummary,
  EnvironmentClusterSummary,
} from '@kubeplatform/clusters-common';

export interface PickerUiOptions {
  /** What to offer: clusters (default) or environment classes. */
  pick?: 'cluster' | 'class';
  /** Only clusters whose `environment` (development, production, ...) is this. */
  environment?: string;
}

export interface PickerOption {
  value: string;
  label: string;
  description?: string;
}

/** The choices the picker shows, in the order the API gives them. */
export function pickerOptions(
  uiOptions: PickerUiOptions,
  clusters: EnvironmentClusterSummary[],
  classes: EnvironmentClassSummary[],
): PickerOption[] {
  if (uiOptions.pick === 'class') {
    return classes.map(c => ({
      value: c.name,
      label: c.title ?? c.name,
      description: [
        c.description,
        `lives ${c.ttl.default} by default, at most ${c.ttl.max}`,
      ]
        .filter(Boolean)
        .join('; '),
    }));
  }
  return clusters
    .filter(
      c => !uiOptions.environment || c.environment === uiOptions.environment,
    )
    .map(c => ({
      value: c.name,
      label: c.title ? `${c.title} (${c.name})` : c.name,
      description: [c.region, c.environment].filter(Boolean).join(', '),
    }));
}
