import { AuthorizationV1Api, KubeConfig } from '@kubernetes/client-node';
import type { AccessCheck } from './kubectl';

/**
 * Where no kubectl is installed: the request `kubectl auth can-i` makes, a
 * SelfSubjectAccessReview with the issued kubeconfig's own credentials, sent from the bench.
 */
export const selfSubjectAccessReview: AccessCheck = {
  how: 'a SelfSubjectAccessReview with the issued kubeconfig (no kubectl on PATH; the request `kubectl auth can-i` makes, without its process start)',
  kubectl: false,
  async canI(kubeconfigFile, verb, resource, namespace) {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(kubeconfigFile);
    const review = await kubeConfig
      .makeApiClient(AuthorizationV1Api)
      .createSelfSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb, resource, namespace } },
        },
      });
    return review.status?.allowed === true;
  },
};
