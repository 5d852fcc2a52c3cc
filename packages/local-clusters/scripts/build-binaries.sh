#!/usr/bin/env bash
# Builds the local control-plane binaries from the Go module in ../go and caches them outside the
# repository, keyed by a hash of go.sum and the Go version, so a warm machine never rebuilds.
# Prints the cache directory holding the binaries as its last line on stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gomod="$here/go"
cache_root="${KUBEPLATFORM_CACHE_DIR:-$HOME/.cache/kubeplatform}"
binaries=(kube-apiserver kube-controller-manager kube-scheduler etcd kwok kwokctl)

log() { printf '[local-clusters] %s\n' "$*" >&2; }

if ! command -v go >/dev/null 2>&1; then
  log "Go is not installed. Install Go 1.24 or newer (for example: apt-get install golang-go, or the official tarball) and run again."
  exit 3
fi

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
go_version="$(go env GOVERSION)"
key="$( (cat "$gomod/go.sum" "$gomod/go.mod"; find "$gomod/cmd" -type f -print0 | sort -z | xargs -0 cat; echo "$go_version") | sha256sum | cut -c1-16)"
out="$cache_root/k8s-bin/$key"

complete() {
  [ -f "$out/.complete" ] || return 1
  for b in "${binaries[@]}"; do
    [ -x "$out/$b" ] || return 1
    # A truncated binary from an interrupted copy fails here rather than at cluster start.
    "$out/$b" --version >/dev/null 2>&1 || return 1
  done
}

if complete; then
  log "binaries cached in $out"
  echo "$out"
  exit 0
fi

if [ -d "$out" ]; then
  log "cache $out is incomplete or corrupted; rebuilding it"
  rm -rf "$out"
fi
mkdir -p "$out.partial"

k8s_version="$(awk '$1=="k8s.io/kubernetes"{print $2}' "$gomod/go.mod" | head -1)"
kwok_version="$(awk '$1=="sigs.k8s.io/kwok"{print $2}' "$gomod/go.mod" | head -1)"
minor="$(echo "$k8s_version" | cut -d. -f2)"
vb=k8s.io/component-base/version
k8s_ldflags="-s -w -X $vb.gitVersion=$k8s_version -X $vb.gitMajor=1 -X $vb.gitMinor=$minor -X $vb.gitTreeState=clean -X $vb.buildDate=1970-01-01T00:00:00Z"
kwok_ldflags="-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${kwok_version#v} -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=${k8s_version#v}"

build() {
  local name="$1" pkg="$2" flags="$3"
  local start=$SECONDS
  log "building $name ($pkg)…"
  ( cd "$gomod" && go build -trimpath -ldflags "$flags" -o "$out.partial/$name" "$pkg" ) &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 30
    kill -0 "$pid" 2>/dev/null && log "  still building $name: $((SECONDS - start)) s so far"
  done
  if ! wait "$pid"; then
    log "building $name failed. If the error above names a module download, check that the Go module proxy is reachable (go env GOPROXY)."
    exit 4
  fi
  log "built $name in $((SECONDS - start)) s"
}

total_start=$SECONDS
build kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver "$k8s_ldflags"
build kube-controller-manager k8s.io/kubernetes/cmd/kube-controller-manager "$k8s_ldflags"
build kube-scheduler k8s.io/kubernetes/cmd/kube-scheduler "$k8s_ldflags"
build etcd ./cmd/etcd "-s -w"
build kwok sigs.k8s.io/kwok/cmd/kwok "$kwok_ldflags"
build kwokctl sigs.k8s.io/kwok/cmd/kwokctl "$kwok_ldflags"
touch "$out.partial/.complete"
mv "$out.partial" "$out"
log "all binaries built in $((SECONDS - total_start)) s into $out"
echo "$out"
