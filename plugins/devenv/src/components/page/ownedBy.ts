import type { Environment } from '@kubeplatform/clusters-common';

/** Environments owned by the user or one of their groups (refs as the identity API gives them). */
export function ownedBy(
  environments: Environment[],
  ownershipRefs: string[],
): Environment[] {
  const refs = new Set(ownershipRefs.map(r => r.toLocaleLowerCase('en-US')));
  return environments.filter(e => refs.has(e.owner.toLocaleLowerCase('en-US')));
}
