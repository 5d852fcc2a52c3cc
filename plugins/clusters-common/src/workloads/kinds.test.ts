import { isWorkloadKind, WORKLOAD_KINDS } from './kinds';

describe('workload kinds', () => {
  it('accepts exactly the listed kinds', () => {
    for (const kind of WORKLOAD_KINDS) expect(isWorkloadKind(kind)).toBe(true);
    expect(isWorkloadKind('ReplicaSet')).toBe(false);
    expect(isWorkloadKind('deployment')).toBe(false);
  });
});
