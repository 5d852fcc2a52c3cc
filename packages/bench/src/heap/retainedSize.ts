import fs from 'node:fs';

/** A V8 heap snapshot (`v8.writeHeapSnapshot`), as far as retained sizes need it. */
interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** The objects a question is about, and the bytes only they keep alive. */
export interface RetainedSize {
  /** What the objects are, e.g. `WatchCache`. */
  what: string;
  objects: number;
  /** Self sizes of everything that becomes unreachable when these objects are removed. */
  retainedBytes: number;
}

export interface SnapshotSizes {
  /** Sum of the self sizes of every object reachable from the roots. */
  reachableBytes: number;
  nodes: number;
  sizes: RetainedSize[];
  /** What the last (largest) set retains, by kind of heap object, largest first. */
  breakdown: Array<{ kind: string; count: number; bytes: number }>;
}

/**
 * A heap snapshot's graph, with the retained size of any set of objects: the bytes reachable
 * from the roots that are no longer reachable once the set is taken out (what DevTools calls the
 * retained size; for one object, the size of the subtree it dominates). Weak edges retain nothing.
 */
export class HeapGraph {
  private readonly nodeFieldCount: number;
  private readonly edgeFieldCount: number;
  private readonly firstEdge: Uint32Array;
  private readonly nodeCount: number;
  private readonly typeField: number;
  private readonly nameField: number;
  private readonly sizeField: number;
  private readonly edgeTypeField: number;
  private readonly edgeNameField: number;
  private readonly edgeToField: number;
  private readonly weakEdgeType: number;
  private readonly contextEdgeType: number;
  private readonly allReachable: Uint8Array;

  constructor(private readonly raw: RawSnapshot) {
    const meta = raw.snapshot.meta;
    this.nodeFieldCount = meta.node_fields.length;
    this.edgeFieldCount = meta.edge_fields.length;
    this.typeField = meta.node_fields.indexOf('type');
    this.nameField = meta.node_fields.indexOf('name');
    this.sizeField = meta.node_fields.indexOf('self_size');
    const edgeCountField = meta.node_fields.indexOf('edge_count');
    this.edgeTypeField = meta.edge_fields.indexOf('type');
    this.edgeNameField = meta.edge_fields.indexOf('name_or_index');
    this.edgeToField = meta.edge_fields.indexOf('to_node');
    this.weakEdgeType = meta.edge_types[0].indexOf('weak');
    this.contextEdgeType = meta.edge_types[0].indexOf('context');
    this.nodeCount = raw.nodes.length / this.nodeFieldCount;
    this.firstEdge = new Uint32Array(this.nodeCount + 1);
    for (let i = 0, e = 0; i < this.nodeCount; i++) {
      this.firstEdge[i] = e;
      e += raw.nodes[i * this.nodeFieldCount + edgeCountField];
      this.firstEdge[i + 1] = e;
    }
    this.allReachable = this.reachable(new Uint8Array(this.nodeCount));
  }

  static read(file: string): HeapGraph {
    return new HeapGraph(JSON.parse(fs.readFileSync(file, 'utf8')));
  }

  get nodes(): number {
    return this.nodeCount;
  }

  reachableBytes(): number {
    let sum = 0;
    for (let i = 0; i < this.nodeCount; i++)
      if (this.allReachable[i]) sum += this.selfSize(i);
    return sum;
  }

  /** Objects (heap type `object`) whose constructor is `name`. */
  objectsNamed(name: string): number[] {
    const objectType = this.raw.snapshot.meta.node_types[0].indexOf('object');
    const out: number[] = [];
    for (let i = 0; i < this.nodeCount; i++) {
      const base = i * this.nodeFieldCount;
      if (
        this.raw.nodes[base + this.typeField] === objectType &&
        this.raw.strings[this.raw.nodes[base + this.nameField]] === name
      )
        out.push(i);
    }
    return out;
  }

  /**
   * The values of module-level variables: the targets of context edges named `variable` from
   * every function context that also holds all of `alongside` (which tells one module apart).
   */
  contextVariables(variable: string, alongside: string[]): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.nodeCount; i++) {
      const names = new Map<string, number>();
      for (let e = this.firstEdge[i]; e < this.firstEdge[i + 1]; e++) {
        const base = e * this.edgeFieldCount;
        if (this.raw.edges[base + this.edgeTypeField] !== this.contextEdgeType)
          continue;
        names.set(
          this.raw.strings[this.raw.edges[base + this.edgeNameField]],
          this.raw.edges[base + this.edgeToField] / this.nodeFieldCount,
        );
      }
      if (names.has(variable) && alongside.every(a => names.has(a)))
        out.push(names.get(variable)!);
    }
    return out;
  }

  /** Bytes that only `objects` keep alive, themselves included. */
  retainedBy(objects: number[]): number {
    return this.retainedBreakdown(objects).reduce((s, k) => s + k.bytes, 0);
  }

  /**
   * What only `objects` keep alive, by kind: the constructor of objects (`Object`, `Array`,
   * `Map`, ...), otherwise the heap type (`string`, `array` for backing stores, `hidden`, ...).
   */
  retainedBreakdown(
    objects: number[],
  ): Array<{ kind: string; count: number; bytes: number }> {
    const blocked = new Uint8Array(this.nodeCount);
    for (const o of objects) blocked[o] = 1;
    const still = this.reachable(blocked);
    const nodeTypes = this.raw.snapshot.meta.node_types[0];
    const kinds = new Map<
      string,
      { kind: string; count: number; bytes: number }
    >();
    for (let i = 0; i < this.nodeCount; i++) {
      if (!this.allReachable[i] || still[i]) continue;
      const base = i * this.nodeFieldCount;
      const type = nodeTypes[this.raw.nodes[base + this.typeField]];
      const kind =
        type === 'object'
          ? this.raw.strings[this.raw.nodes[base + this.nameField]]
          : type;
      const entry = kinds.get(kind) ?? { kind, count: 0, bytes: 0 };
      entry.count += 1;
      entry.bytes += this.selfSize(i);
      kinds.set(kind, entry);
    }
    return [...kinds.values()].sort((a, b) => b.bytes - a.bytes);
  }

  private selfSize(node: number): number {
    return this.raw.nodes[node * this.nodeFieldCount + this.sizeField];
  }

  /** Nodes reachable from the snapshot's root (node 0) over strong edges, avoiding `blocked`. */
  private reachable(blocked: Uint8Array): Uint8Array {
    const seen = new Uint8Array(this.nodeCount);
    const stack = new Uint32Array(this.nodeCount);
    let top = 0;
    seen[0] = 1;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      for (let e = this.firstEdge[node]; e < this.firstEdge[node + 1]; e++) {
        const base = e * this.edgeFieldCount;
        if (this.raw.edges[base + this.edgeTypeField] === this.weakEdgeType)
          continue;
        const to =
          this.raw.edges[base + this.edgeToField] / this.nodeFieldCount;
        if (seen[to] || blocked[to]) continue;
        seen[to] = 1;
        stack[top++] = to;
      }
    }
    return seen;
  }
}

/**
 * The classes whose instances make up the watch cache: the cache, its cluster watchers, their
 * watch units and client-node informers (`ListWatch`, which hold the objects), indexes, restart
 * histories, connection watches, health probes and pod-metrics readers (which hold each pod's
 * last usage sample). The cache's data hangs off these; timers and sockets also reach the
 * cluster watchers, informers and metrics readers, so the `WatchCache` object alone dominates
 * almost nothing.
 */
export const CACHE_CLASSES = [
  'WatchCache',
  'SourcedClusterWatcher',
  'ClusterWatcher',
  'WatchUnit',
  'ListWatch',
  'ObjectIndex',
  'CacheIndexes',
  'RestartHistory',
  'ConnectionWatch',
  'HealthProbe',
  'PodMetricsReader',
];

/** The cache class that holds the pods' usage samples (metrics.k8s.io), reported on its own. */
export const METRICS_CLASS = 'PodMetricsReader';

/** The headline retained size: the cache's objects and the intern tables together. */
export const CACHE_AND_TABLES = 'cache objects + intern tables';
/** What the pod-metrics readers alone retain (part of the cache objects). */
export const POD_METRICS = 'pod metrics';

/** One of the retained sizes `watchCacheSizes` computes, by what it is about. */
export function sizeOf(sizes: SnapshotSizes, what: string): number {
  const found = sizes.sizes.find(s => s.what === what);
  if (!found) throw new Error(`no retained size for ${what}`);
  return found.retainedBytes;
}

/**
 * Retained sizes of the watch cache in a snapshot of the measuring process: the `WatchCache`
 * object alone; every instance of the cache's classes together; of those, the pod-metrics
 * readers' samples; the intern module's tables
 * (shared strings, shared shapes and the bounded table of recent shared records, which belong to
 * no cache object but exist only for the cache); and the cache's objects and the tables together
 * (the headline).
 */
export function watchCacheSizes(file: string): SnapshotSizes {
  const graph = HeapGraph.read(file);
  const caches = graph.objectsNamed('WatchCache');
  if (caches.length !== 1)
    throw new Error(
      `expected one WatchCache in ${file}, found ${caches.length}`,
    );
  const cacheObjects = CACHE_CLASSES.flatMap(name => graph.objectsNamed(name));
  const metricsReaders = graph.objectsNamed(METRICS_CLASS);
  // The intern module's state: its shared-string and shared-shape tables, and the bounded table
  // of recently shared records (conditions, container statuses and states).
  const tables = [
    ...graph.contextVariables('table', ['shapes', 'records']),
    ...graph.contextVariables('shapes', ['table', 'records']),
    ...graph.contextVariables('records', ['table', 'shapes']),
  ];
  if (tables.length !== 3)
    throw new Error(
      `expected the intern module's table, shapes and records in ${file}, found ${tables.length} objects`,
    );
  const breakdown = graph.retainedBreakdown([...cacheObjects, ...tables]);
  return {
    reachableBytes: graph.reachableBytes(),
    nodes: graph.nodes,
    sizes: [
      {
        what: 'WatchCache object',
        objects: 1,
        retainedBytes: graph.retainedBy(caches),
      },
      {
        what: 'cache objects',
        objects: cacheObjects.length,
        retainedBytes: graph.retainedBy(cacheObjects),
      },
      {
        what: POD_METRICS,
        objects: metricsReaders.length,
        retainedBytes: graph.retainedBy(metricsReaders),
      },
      {
        what: 'intern tables',
        objects: tables.length,
        retainedBytes: graph.retainedBy(tables),
      },
      {
        what: CACHE_AND_TABLES,
        objects: cacheObjects.length + tables.length,
        retainedBytes: breakdown.reduce((sum, k) => sum + k.bytes, 0),
      },
    ],
    breakdown: breakdown.slice(0, 12),
  };
}
