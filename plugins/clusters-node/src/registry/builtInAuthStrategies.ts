import { ClientCertificateStrategy } from '../auth/ClientCertificateStrategy';
import { KubeconfigStrategy } from '../auth/KubeconfigStrategy';
import { ServiceAccountStrategy } from '../auth/ServiceAccountStrategy';
import { ClusterAuthStrategy } from '../types';

/** The strategies every installation has, by authProvider name. */
export function builtInAuthStrategies(): Map<string, ClusterAuthStrategy> {
  return new Map<string, ClusterAuthStrategy>([
    ['serviceAccount', new ServiceAccountStrategy()],
    ['clientCertificate', new ClientCertificateStrategy()],
    ['kubeconfig', new KubeconfigStrategy()],
  ]);
}
