import type { Environment } from '@kubeplatform/clusters-common';

/**
 * Whether someone whose ownership refs (their user ref and their groups, from the user-info
 * service) are given may manage an environment: they own it, a group of theirs does, or they
 * are an admin.
 */
export function isDevenvAdmin(
  ownershipRefs: string[],
  admins: string[],
): boolean {
  const refs = ownershipRefs.map(r => r.toLocaleLowerCase('en-US'));
  return admins.some(admin => refs.includes(admin.toLocaleLowerCase('en-US')));
}

export function mayManageEnvironment(
  environment: Pick<Environment, 'owner'>,
  ownershipRefs: string[],
  admins: string[],
): boolean {
  if (isDevenvAdmin(ownershipRefs, admins)) {
    return true;
  }
  return ownershipRefs
    .map(r => r.toLocaleLowerCase('en-US'))
    .includes(environment.owner.toLocaleLowerCase('en-US'));
}

/** Whether someone may request an environment owned by `owner`: themselves or one of their groups. */
export function mayRequestFor(
  owner: string,
  ownershipRefs: string[],
  admins: string[],
): boolean {
  return mayManageEnvironment({ owner }, ownershipRefs, admins);
}
