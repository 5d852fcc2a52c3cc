#!/usr/bin/env bash
# Captures the objects the timeline reads for checkout and payments in the demo fleet's `shop`
# namespace, as the API server sends them, one file per cluster:
#   KUBECONFIG=.local-clusters/kubeconfig plugins/multicluster-backend/src/timeline/__fixtures__/capture.sh
set -euo pipefail
cd "$(dirname "$0")"
for cluster in dev-eu prod-us; do
  kubectl --context "$cluster" -n shop get deployments,replicasets,horizontalpodautoscalers,pods,events -o json |
    node -e '
      const list = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const services = /^(checkout|payments)(-|$)/;
      const keep = o => services.test(o.kind === "Event" ? o.involvedObject.name : o.metadata.name);
      const out = { deployments: [], replicasets: [], horizontalpodautoscalers: [], pods: [], events: [] };
      const key = { Deployment: "deployments", ReplicaSet: "replicasets", HorizontalPodAutoscaler: "horizontalpodautoscalers", Pod: "pods", Event: "events" };
      for (const o of list.items.filter(keep)) {
        delete o.metadata.managedFields;
        out[key[o.kind]].push(o);
      }
      process.stdout.write(JSON.stringify(out, null, 1) + "\n");
    ' > "$cluster.shop.json"
done
