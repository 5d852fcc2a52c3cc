import { KubernetesObject } from '@kubernetes/client-node';
import { DEMO_NAMESPACES } from '../demo/demoServices';
import {
  accessObjects,
  BACKEND_SERVICE_ACCOUNT,
  LIMITED_SERVICE_ACCOUNT,
  READER_SERVICE_ACCOUNT,
  SERVICE_ACCOUNT_NAMESPACE,
} from './serviceAccounts';

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };
type Role = KubernetesObject & { rules: Rule[] };
type Binding = KubernetesObject & {
  roleRef: { kind: string; name: string };
  subjects: { kind: string; name: string; namespace: string }[];
};

const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];

function bindingsOf(serviceAccount: string): Binding[] {
  return (accessObjects() as Binding[]).filter(
    o =>
      (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') &&
      o.subjects.some(
        s =>
          s.kind === 'ServiceAccount' &&
          s.name === serviceAccount &&
          s.namespace === SERVICE_ACCOUNT_NAMESPACE,
      ),
  );
}

function roleOf(binding: Binding): Role {
  const role = (accessObjects() as Role[]).find(
    o =>
      o.kind === binding.roleRef.kind &&
      o.metadata?.name === binding.roleRef.name &&
      (o.kind === 'ClusterRole' ||
        o.metadata?.namespace === binding.metadata?.namespace),
  );
  if (!role) throw new Error(`no role for ${binding.metadata?.name}`);
  return role;
}

function allows(
  rules: Rule[],
  group: string,
  resource: string,
  verb: string,
): boolean {
  return rules.some(
    r =>
      r.apiGroups.includes(group) &&
      r.resources.includes(resource) &&
      r.verbs.includes(verb),
  );
}

describe('accessObjects', () => {
  const actionBindings = () =>
    bindingsOf(BACKEND_SERVICE_ACCOUNT).filter(b => b.kind === 'RoleBinding');

  it('lets the demo backend run the workload actions in every demo namespace', () => {
    expect(
      actionBindings()
        .map(b => b.metadata?.namespace)
        .sort(),
    ).toEqual([...DEMO_NAMESPACES].sort());
    for (const binding of actionBindings()) {
      const role = roleOf(binding);
      expect(role.kind).toBe('Role');
      for (const resource of ['deployments', 'statefulsets', 'daemonsets']) {
        expect(allows(role.rules, 'apps', resource, 'patch')).toBe(true);
      }
      for (const resource of ['deployments/scale', 'statefulsets/scale']) {
        expect(allows(role.rules, 'apps', resource, 'patch')).toBe(true);
        expect(allows(role.rules, 'apps', resource, 'update')).toBe(true);
      }
      expect(allows(role.rules, '', 'pods', 'delete')).toBe(true);
    }
  });

  it('grants the workload actions nothing beyond what they send', () => {
    for (const binding of actionBindings()) {
      const rules = roleOf(binding).rules;
      expect(rules.flatMap(r => r.verbs)).not.toContain('*');
      expect(rules.flatMap(r => r.resources)).not.toContain('*');
      expect(allows(rules, '', 'pods', 'create')).toBe(false);
      expect(allows(rules, '', 'secrets', 'get')).toBe(false);
      expect(allows(rules, 'apps', 'deployments', 'delete')).toBe(false);
      expect(allows(rules, 'apps', 'deployments', 'create')).toBe(false);
    }
  });

  it('keeps backstage-reader and backstage-limited read-only', () => {
    for (const account of [READER_SERVICE_ACCOUNT, LIMITED_SERVICE_ACCOUNT]) {
      const verbs = bindingsOf(account).flatMap(b =>
        roleOf(b).rules.flatMap(r => r.verbs),
      );
      expect(verbs.length).toBeGreaterThan(0);
      for (const verb of WRITE_VERBS) {
        expect(verbs).not.toContain(verb);
      }
    }
  });
});
