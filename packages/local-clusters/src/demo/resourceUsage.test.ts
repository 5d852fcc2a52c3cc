import { clusterSpecs } from '../fleet/clusterSpecs';
import { fakeNodes } from '../fleet/fakeNodes';
import { demoFleet, stuckRollout } from './demoFleet';
import { KUBERNETES_ID_LABEL } from './demoServices';
import {
  DEMO_HOT_SERVICE,
  DEMO_IDLE_SERVICE,
  DEMO_USAGE,
  demoResourceUsage,
  USAGE_CPU_ANNOTATION,
  USAGE_MEMORY_ANNOTATION,
} from './resourceUsage';

type Template = { metadata?: { annotations?: Record<string, string> } };

function podTemplates(objects: ReturnType<typeof demoFleet>) {
  return objects.flatMap(o => {
    const spec = o.spec as
      | { template?: Template; jobTemplate?: { spec: { template: Template } } }
      | undefined;
    const template = spec?.template ?? spec?.jobTemplate?.spec.template;
    return template
      ? [{ kind: o.kind, name: o.metadata!.name!, object: o, template }]
      : [];
  });
}

describe('demo resource usage', () => {
  it.each(['dev-eu', 'prod-us'])(
    'gives every pod template in %s its service usage',
    cluster => {
      const templates = podTemplates([
        ...demoFleet(cluster),
        ...(stuckRollout(cluster) ? [stuckRollout(cluster)!] : []),
      ]);
      expect(templates.length).toBeGreaterThan(5);
      for (const { object, template } of templates) {
        const service = object.metadata!.labels![KUBERNETES_ID_LABEL];
        const want = DEMO_USAGE.find(
          u => u.service === service && u.cluster === cluster,
        )!;
        expect(template.metadata?.annotations).toMatchObject({
          [USAGE_CPU_ANNOTATION]: want.cpu,
          [USAGE_MEMORY_ANNOTATION]: want.memory,
        });
      }
    },
  );

  it('has a hot service above the 70 % HPA target and an idle one far below it', () => {
    const hot = DEMO_USAGE.filter(u => u.service === DEMO_HOT_SERVICE);
    const idle = DEMO_USAGE.filter(u => u.service === DEMO_IDLE_SERVICE);
    // Every demo container requests 100m.
    expect(hot.every(u => u.profile === 'hot' && u.cpuMillicores > 77)).toBe(
      true,
    );
    expect(idle.every(u => u.profile === 'idle' && u.cpuMillicores < 10)).toBe(
      true,
    );
    for (const steady of DEMO_USAGE.filter(u => u.profile === 'steady')) {
      // Within the HPA controller's 10 % tolerance of 70 %, or no HPA (catalog-api).
      expect(
        steady.cpuMillicores === 70 || steady.service === 'catalog-api',
      ).toBe(true);
    }
  });

  it('reads usage from the annotations in kwok’s ClusterResourceUsage', () => {
    const usage = demoResourceUsage() as unknown as {
      kind: string;
      spec: { usages: { usage: Record<string, { expression: string }> }[] };
    };
    expect(usage.kind).toBe('ClusterResourceUsage');
    const { cpu, memory } = usage.spec.usages[0].usage;
    expect(cpu.expression).toContain(
      `pod.metadata.annotations["${USAGE_CPU_ANNOTATION}"]`,
    );
    expect(memory.expression).toContain(
      `pod.metadata.annotations["${USAGE_MEMORY_ANNOTATION}"]`,
    );
  });

  it('points metrics-server at kwok’s per-node resource metrics path', () => {
    const nodes = fakeNodes(clusterSpecs(2)[0], 3);
    for (const node of nodes) {
      expect(
        node.metadata?.annotations?.['metrics.k8s.io/resource-metrics-path'],
      ).toBe(`/metrics/nodes/${node.metadata!.name}/metrics/resource`);
    }
  });
});
