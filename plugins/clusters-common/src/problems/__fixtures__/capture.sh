#!/usr/bin/env bash
# Captures one real object from a local cluster as a detector test fixture.
#   capture.sh <context> <resource> <namespace> <name> <fixture-name>
# writes <context>.<fixture-name>.json here, without managedFields and the last-applied
# annotation (noise no detector reads). The context prefix records which cluster it came from.
set -euo pipefail
if [ $# -ne 5 ]; then
  echo "usage: $0 <context> <resource> <namespace> <name> <fixture-name>" >&2
  exit 2
fi
context=$1 resource=$2 namespace=$3 name=$4 fixture=$5
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kubeconfig="${KUBECONFIG_FILE:-$here/../../../../../.local-clusters/kubeconfig}"
kubectl --kubeconfig "$kubeconfig" --context "$context" get "$resource" -n "$namespace" "$name" -o json |
  jq 'del(.metadata.managedFields)
      | del(.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"])
      | if .metadata.annotations == {} then del(.metadata.annotations) else . end' \
    >"$here/$context.$fixture.json"
echo "wrote $context.$fixture.json"
