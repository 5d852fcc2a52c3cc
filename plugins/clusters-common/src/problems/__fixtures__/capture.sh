#!/usr/bin/env bash
# Captures real objects from a local cluster as detector test fixtures.
#   capture.sh <context> <resource> <namespace> <name> <fixture-name>
#   capture.sh <context> <resource> <namespace> --owner=<name> <fixture-name>
# The first form writes one object, the second a JSON array of the objects whose owner reference
# names <name> (for example the Jobs of a CronJob). The file is <context>.<fixture-name>.json,
# so its name records the cluster it came from. managedFields and the last-applied annotation
# are removed: no detector reads them.
set -euo pipefail
if [ $# -ne 5 ]; then
  echo "usage: $0 <context> <resource> <namespace> <name|--owner=name> <fixture-name>" >&2
  exit 2
fi
context=$1 resource=$2 namespace=$3 name=$4 fixture=$5
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kubeconfig="${KUBECONFIG_FILE:-$here/../../../../../.local-clusters/kubeconfig}"
kubectl_get() {
  kubectl --kubeconfig "$kubeconfig" --context "$context" get "$resource" -n "$namespace" "$@" -o json
}
strip='del(.metadata.managedFields)
  | del(.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"])
  | if .metadata.annotations == {} then del(.metadata.annotations) else . end'
case "$name" in
  --owner=*)
    owner=${name#--owner=}
    kubectl_get | jq --arg owner "$owner" \
      "[.items[] | select(any(.metadata.ownerReferences[]?; .name == \$owner)) | $strip]" \
      >"$here/$context.$fixture.json"
    ;;
  *) kubectl_get "$name" | jq "$strip" >"$here/$context.$fixture.json" ;;
esac
echo "wrote $context.$fixture.json"
