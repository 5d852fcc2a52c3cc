import type { EnvironmentProvisioner } from '../provisioner/EnvironmentProvisioner';

/**
 * The provisioner as a reaper pass of one test should see it: `list` answers only the named
 * environments, everything else is the provisioner itself.
 *
 * Integration tests share the fleet and run in parallel, and a reaper pass acts on every
 * environment it lists. A test that runs the reaper at a moved clock (the next night, an hour
 * ahead) would otherwise delete or sleep the environments of the tests running beside it.
 *
 * @public
 */
export function provisionerSeeing(
  provisioner: EnvironmentProvisioner,
  names: Iterable<string>,
): EnvironmentProvisioner {
  const own = new Set(names);
  const list: EnvironmentProvisioner['list'] = async filter => {
    const listed = await provisioner.list(filter);
    return { ...listed, items: listed.items.filter(env => own.has(env.name)) };
  };
  return new Proxy(provisioner, {
    get(target, key) {
      if (key === 'list') return list;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
