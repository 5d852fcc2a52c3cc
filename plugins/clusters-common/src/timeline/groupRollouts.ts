import type { TimelineEntry, TimelineImage } from './types';

/**
 * One version of one workload and the clusters it reached, earliest first.
 *
 * @public
 */
export interface RolloutGroup {
  workload: { kind: string; name: string };
  images: TimelineImage[];
  /** The image tags, such as `1.5.0`; the image itself when it has no tag. */
  version: string;
  reached: Array<{
    cluster: string;
    namespace: string;
    time: string;
    revision?: number;
    /** Time since the first cluster reached this version; 0 for the first. */
    delayMs: number;
  }>;
}

/**
 * The rollouts of a timeline grouped by workload and images across clusters, so that
 * "1.5.0 reached prod-us 2 h after dev-eu" can be read off one group. Newest group first.
 *
 * @public
 */
export function groupRollouts(entries: TimelineEntry[]): RolloutGroup[] {
  const groups = new Map<string, RolloutGroup>();
  const rollouts = entries
    .filter(e => e.type === 'rollout' && e.rollout)
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  for (const entry of rollouts) {
    const images = entry.rollout?.images ?? [];
    const key = `${entry.workload.kind}/${entry.workload.name}|${images
      .map(i => `${i.container}=${i.image}`)
      .sort()
      .join(',')}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        workload: entry.workload,
        images,
        version: versionOf(images),
        reached: [],
      };
      groups.set(key, group);
    }
    if (group.reached.some(r => r.cluster === entry.cluster)) continue;
    const first = group.reached[0];
    group.reached.push({
      cluster: entry.cluster,
      namespace: entry.namespace,
      time: entry.time,
      ...(entry.rollout?.revision !== undefined && {
        revision: entry.rollout.revision,
      }),
      delayMs: first ? Date.parse(entry.time) - Date.parse(first.time) : 0,
    });
  }
  // Times have a resolution of one second: on a tie, the group that reached a cluster last, then
  // the higher revision, is the newer.
  return [...groups.values()].sort(
    (a, b) =>
      Date.parse(b.reached[0].time) - Date.parse(a.reached[0].time) ||
      lastTime(b) - lastTime(a) ||
      maxRevision(b) - maxRevision(a),
  );
}

function lastTime(group: RolloutGroup): number {
  return Math.max(...group.reached.map(r => Date.parse(r.time)));
}

function maxRevision(group: RolloutGroup): number {
  return Math.max(0, ...group.reached.map(r => r.revision ?? 0));
}

/**
 * One sentence per group: "1.5.0 reached dev-eu" or "1.5.0 reached prod-us 2 h after dev-eu"
 * (with every later cluster named).
 *
 * @public
 */
export function describeRolloutGroup(group: RolloutGroup): string {
  const [first, ...later] = group.reached;
  if (!first) return `${group.version} reached no cluster`;
  if (!later.length) return `${group.version} reached ${first.cluster}`;
  return `${group.version} reached ${later
    .map(r => `${r.cluster} ${formatDelay(r.delayMs)} after`)
    .join(', ')} ${first.cluster}`;
}

/**
 * "40 s", "12 min", "2 h", "1.5 h", "3 d": how long a version took to reach a cluster.
 *
 * @public
 */
export function formatDelay(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = seconds / 3600;
  if (hours < 48) return `${trim(hours)} h`;
  return `${trim(hours / 24)} d`;
}

function trim(n: number): string {
  return n < 10 ? String(Math.round(n * 10) / 10) : String(Math.round(n));
}

function versionOf(images: TimelineImage[]): string {
  const versions = [...new Set(images.map(i => tagOf(i.image)))];
  return versions.join(', ') || 'no image';
}

/** The tag of `registry:5000/app:1.5.0`, a short digest, or the image without either. */
function tagOf(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1, at + 1 + 19);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : image;
}
