export { WORKLOAD_KINDS, isWorkloadKind, type WorkloadKind } from './kinds';
