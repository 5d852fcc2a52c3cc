import { formatAge } from '../../view/clusterStatus';

export function ageOf(
  createdAt: string | undefined,
  now: number = Date.now(),
): string {
  if (!createdAt) return '—';
  const at = Date.parse(createdAt);
  return Number.isNaN(at) ? '—' : formatAge((now - at) / 1000);
}

export function formatCpu(millicores?: number): string {
  if (millicores === undefined) return '—';
  return millicores >= 1000
    ? `${(millicores / 1000).toFixed(2)} cores`
    : `${Math.round(millicores)}m`;
}

export function formatBytes(bytes?: number): string {
  if (bytes === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${
    units[unit]
  }`;
}
