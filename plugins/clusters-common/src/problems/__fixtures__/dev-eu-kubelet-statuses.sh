#!/usr/bin/env bash
# Writes kubelet-style statuses to the dev-eu pods labelled kubeplatform.io/simulate=manual
# (dev-eu-scratch.yaml), for states only a real kubelet reaches: InvalidImageName,
# CreateContainerConfigError, ErrImagePull, RunContainerError, eviction, and a container that
# restarted. kwok is a status writer too; these are patched through the same status
# subresource, with the reasons and message formats the kubelet (v1.33, containerd) uses.
# The API server validates each status, and the pods keep their real metadata, spec,
# scheduling and defaults.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kubeconfig="${KUBECONFIG_FILE:-$here/../../../../../.local-clusters/kubeconfig}"
k() { kubectl --kubeconfig "$kubeconfig" --context dev-eu -n problem-fixtures "$@"; }
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)

pod_ips() { # pod last-octet
  printf '"hostIP":"127.0.0.1","podIP":"10.0.1.%s","startTime":"%s"' "$2" "$now"
}

conditions_not_ready() {
  printf '[{"type":"PodReadyToStartContainers","status":"True","lastTransitionTime":"%s"},
{"type":"Initialized","status":"True","lastTransitionTime":"%s"},
{"type":"Ready","status":"False","reason":"ContainersNotReady","message":"containers with unready status: [%s]","lastTransitionTime":"%s"},
{"type":"ContainersReady","status":"False","reason":"ContainersNotReady","message":"containers with unready status: [%s]","lastTransitionTime":"%s"},
{"type":"PodScheduled","status":"True","lastTransitionTime":"%s"}]' \
    "$now" "$now" "$1" "$now" "$1" "$now" "$now"
}

waiting_status() { # pod container image reason message ip
  k patch pod "$1" --subresource=status --type=merge -p "$(
    cat <<JSON
{"status":{"phase":"Pending",$(pod_ips "$1" "$6"),
"conditions":$(conditions_not_ready "$2"),
"containerStatuses":[{"name":"$2","image":"$3","imageID":"","ready":false,"restartCount":0,"started":false,
"state":{"waiting":{"reason":"$4","message":$(jq -Rn --arg m "$5" '$m')}}}]}}
JSON
  )"
}

invalid-image() {
  waiting_status invalid-image web 'Registry.Example/Shop/Web:Latest' InvalidImageName \
  'Failed to apply default image tag "Registry.Example/Shop/Web:Latest": couldn'"'"'t parse image name "Registry.Example/Shop/Web:Latest": invalid reference format: repository name (Shop/Web) must be lowercase' 11
}
missing-config() {
  waiting_status missing-config api 'registry.example/shop/api:3.2.0' CreateContainerConfigError \
  'configmap "api-settings" not found' 12
}
err-image-pull() {
  waiting_status err-image-pull web 'registry.example/shop/web:9.9.9' ErrImagePull \
  'rpc error: code = NotFound desc = failed to pull and unpack image "registry.example/shop/web:9.9.9": failed to resolve reference "registry.example/shop/web:9.9.9": registry.example/shop/web:9.9.9: not found' 13
}

run-container-error() {
k patch pod run-container-error --subresource=status --type=merge -p "$(
  cat <<JSON
{"status":{"phase":"Running",$(pod_ips run-container-error 14),
"conditions":$(conditions_not_ready worker),
"containerStatuses":[{"name":"worker","image":"registry.example/shop/worker:1.1.0","imageID":"registry.example/shop/worker@sha256:5f0c1e7d9a8b","ready":false,"restartCount":1,"started":false,
"lastState":{"terminated":{"exitCode":128,"reason":"StartError","message":"failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"/app/start\": stat /app/start: no such file or directory: unknown","startedAt":"1970-01-01T00:00:00Z","finishedAt":"$now"}},
"state":{"waiting":{"reason":"RunContainerError","message":"failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"/app/start\": stat /app/start: no such file or directory: unknown"}}}]}}
JSON
)"

}

eviction='The node was low on resource: memory. Threshold quantity: 100Mi, available: 86516Ki. Container app was using 1843200Ki, request is 0, has larger consumption of memory. '
evicted() {
k patch pod evicted --subresource=status --type=merge -p "$(
  cat <<JSON
{"status":{"phase":"Failed","reason":"Evicted","message":"$eviction",$(pod_ips evicted 15),
"conditions":[{"type":"DisruptionTarget","status":"True","reason":"TerminationByKubelet","message":"$eviction","lastTransitionTime":"$now"},
{"type":"PodReadyToStartContainers","status":"False","lastTransitionTime":"$now"},
{"type":"Initialized","status":"True","lastTransitionTime":"$now"},
{"type":"Ready","status":"False","reason":"PodFailed","lastTransitionTime":"$now"},
{"type":"ContainersReady","status":"False","reason":"PodFailed","lastTransitionTime":"$now"},
{"type":"PodScheduled","status":"True","lastTransitionTime":"$now"}],
"containerStatuses":[{"name":"app","image":"registry.example/shop/app:1.0.0","imageID":"registry.example/shop/app@sha256:9d2b7c41e0aa","ready":false,"restartCount":0,"started":false,
"state":{"terminated":{"exitCode":137,"reason":"Error","startedAt":"$now","finishedAt":"$now"}}}]}}
JSON
)"

}

restarted() {
k patch pod restarted --subresource=status --type=merge -p "$(
  cat <<JSON
{"status":{"phase":"Running",$(pod_ips restarted 16),
"conditions":[{"type":"PodReadyToStartContainers","status":"True","lastTransitionTime":"$now"},
{"type":"Initialized","status":"True","lastTransitionTime":"$now"},
{"type":"Ready","status":"True","lastTransitionTime":"$now"},
{"type":"ContainersReady","status":"True","lastTransitionTime":"$now"},
{"type":"PodScheduled","status":"True","lastTransitionTime":"$now"}],
"initContainerStatuses":[{"name":"migrate","image":"registry.example/shop/migrate:1.0.0","imageID":"registry.example/shop/migrate@sha256:0b1f6a3c","ready":true,"restartCount":0,"started":false,
"state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"$now","finishedAt":"$now"}}}],
"containerStatuses":[{"name":"app","image":"registry.example/shop/app:1.0.0","imageID":"registry.example/shop/app@sha256:9d2b7c41e0aa","ready":true,"restartCount":2,"started":true,
"lastState":{"terminated":{"exitCode":2,"reason":"Error","startedAt":"$now","finishedAt":"$now"}},
"state":{"running":{"startedAt":"$now"}}}]}}
JSON
)"
}

# A real kubelet reports ContainerCreating, without a message, while a volume cannot be mounted.
stuck-creating() {
  k patch pod stuck-creating --subresource=status --type=merge -p "$(
    cat <<JSON
{"status":{"phase":"Pending","hostIP":"127.0.0.1","startTime":"$now",
"conditions":[{"type":"PodReadyToStartContainers","status":"False","lastTransitionTime":"$now"},
{"type":"Initialized","status":"True","lastTransitionTime":"$now"},
{"type":"Ready","status":"False","reason":"ContainersNotReady","message":"containers with unready status: [api]","lastTransitionTime":"$now"},
{"type":"ContainersReady","status":"False","reason":"ContainersNotReady","message":"containers with unready status: [api]","lastTransitionTime":"$now"},
{"type":"PodScheduled","status":"True","lastTransitionTime":"$now"}],
"containerStatuses":[{"name":"api","image":"registry.example/shop/api:3.2.0","imageID":"","ready":false,"restartCount":0,"started":false,
"state":{"waiting":{"reason":"ContainerCreating"}}}]}}
JSON
  )"
}

# The init container exits 1 again and again; the app container never starts.
init-crashloop() {
  k patch pod init-crashloop --subresource=status --type=merge -p "$(
    cat <<JSON
{"status":{"phase":"Pending",$(pod_ips init-crashloop 17),
"conditions":[{"type":"PodReadyToStartContainers","status":"True","lastTransitionTime":"$now"},
{"type":"Initialized","status":"False","reason":"ContainersNotInitialized","message":"containers with incomplete status: [migrate]","lastTransitionTime":"$now"},
{"type":"Ready","status":"False","reason":"ContainersNotReady","message":"containers with unready status: [app]","lastTransitionTime":"$now"},
{"type":"ContainersReady","status":"False","reason":"ContainersNotReady","message":"containers with unready status: [app]","lastTransitionTime":"$now"},
{"type":"PodScheduled","status":"True","lastTransitionTime":"$now"}],
"initContainerStatuses":[{"name":"migrate","image":"registry.example/shop/migrate:1.1.0","imageID":"registry.example/shop/migrate@sha256:7c2e90d1","ready":false,"restartCount":3,"started":false,
"lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"$now","finishedAt":"$now"}},
"state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 40s restarting failed container=migrate pod=init-crashloop_problem-fixtures(0d7c4c8e-2f1e-4b8e-9a55-1c3f7e0b6a21)"}}}],
"containerStatuses":[{"name":"app","image":"registry.example/shop/app:1.1.0","imageID":"","ready":false,"restartCount":0,"started":false,
"state":{"waiting":{"reason":"PodInitializing"}}}]}}
JSON
  )"
}

# With pod names as arguments, only those pods are patched.
pods=("$@")
if [ ${#pods[@]} -eq 0 ]; then
  pods=(invalid-image missing-config err-image-pull run-container-error evicted restarted stuck-creating init-crashloop)
fi
for pod in "${pods[@]}"; do "$pod"; done
