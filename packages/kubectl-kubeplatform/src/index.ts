/**
 * `kubectl-kubeplatform`: a kubectl exec credential plugin for Kubeplatform development
 * environments. It signs in through Backstage in the browser once and gives kubectl
 * short-lived, namespace-scoped tokens.
 *
 * @packageDocumentation
 */
export { main } from './main';
