import type { SyncStatus } from '../view/types';

/**
 * What a timeline entry is about: a new ReplicaSet revision with other images (`rollout`), a
 * replica change by a controller or autoscaler (`scaling`), a container restart or crash
 * (`restart`), a new revision with the same images (`config`), or any other event (`event`).
 *
 * @public
 */
export type TimelineEntryType =
  | 'rollout'
  | 'scaling'
  | 'restart'
  | 'config'
  | 'event';

/** @public */
export const TIMELINE_ENTRY_TYPES: readonly TimelineEntryType[] = [
  'rollout',
  'scaling',
  'restart',
  'config',
  'event',
];

/** @public */
export function isTimelineEntryType(value: string): value is TimelineEntryType {
  return (TIMELINE_ENTRY_TYPES as readonly string[]).includes(value);
}

/** @public */
export interface TimelineImage {
  container: string;
  image: string;
}

/**
 * One thing that happened to one of an entity's workloads in one cluster.
 *
 * @public
 */
export interface TimelineEntry {
  /** Stable while the source object exists: for list keys. */
  id: string;
  cluster: string;
  namespace: string;
  /** The workload the entry belongs to. */
  workload: { kind: string; name: string };
  /** When it happened (RFC 3339). */
  time: string;
  type: TimelineEntryType;
  /** `warning` for Warning events and crashes. */
  severity: 'info' | 'warning';
  /** The event's reason, or `Rollout`, `ConfigChange`, `ContainerRestarted`, `AutoscalerScaled`. */
  reason: string;
  message: string;
  /** How often an event was seen. */
  count?: number;
  /** The object the entry comes from, when not the workload itself (a ReplicaSet, pod, HPA). */
  object?: { kind: string; name: string };
  /** Rollouts and config changes: the ReplicaSet revision and its images. */
  rollout?: {
    revision?: number;
    images: TimelineImage[];
    /** The images of the revision before, when it is still cached. */
    previousImages?: TimelineImage[];
  };
}

/**
 * What `GET /api/multicluster/entities/:kind/:namespace/:name/timeline` answers.
 *
 * @public
 */
export interface EntityTimeline {
  entityRef: string;
  generatedAt: string;
  /** Every cluster that was read, with how fresh its data is. */
  clusters: Array<{ name: string; sync: SyncStatus }>;
  /** Newest first. */
  entries: TimelineEntry[];
  /** True when older entries were left out to stay within the limit. */
  truncated: boolean;
}
