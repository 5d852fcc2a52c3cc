import { parseEntityRef } from '@backstage/catalog-model';
import type { RbacV1Subject } from '@kubernetes/client-node';
import type { DevenvSettings } from '../config/settingsSchema';
import { renderTemplate } from './renderTemplate';

/** The Kubernetes RBAC subjects an owner ref maps to, per `kubeplatform.devenv.ownerSubjects`. */
export function ownerSubjects(
  ownerRef: string,
  mapping: DevenvSettings['ownerSubjects'],
): RbacV1Subject[] {
  const ref = parseEntityRef(ownerRef);
  const template = ref.kind === 'group' ? mapping.group : mapping.user;
  const subject = renderTemplate(template, {
    name: ref.name,
    namespace: ref.namespace,
  });
  return [
    {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: subject.kind,
      name: subject.name,
    },
  ];
}
