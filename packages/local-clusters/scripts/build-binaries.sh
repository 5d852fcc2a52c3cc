#!/usr/bin/env bash
# Builds the local control-plane binaries from the Go module in ../go and caches them outside the
# repository, keyed by a hash of go.sum, go.mod, our own Go sources and the Go version, so a warm
# machine never rebuilds. Prints the cache directory holding the binaries as its last stdout line.
#
# Exit codes: 3 = Go is missing, 4 = a Go build failed, 5 = another build holds the lock too long.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gomod="$here/go"
cache_root="${KUBEPLATFORM_CACHE_DIR:-$HOME/.cache/kubeplatform}"
bin_root="$cache_root/k8s-bin"
binaries=(kube-apiserver kube-controller-manager kube-scheduler etcd kwok kwokctl)

what=binaries
source "$here/scripts/lib/go-build-cache.sh"

# What the binaries are built from, without the Go version: lets a machine without Go reuse a
# cache that a machine with Go built.
source_hash="$( (cat "$gomod/go.sum" "$gomod/go.mod"; find "$gomod/cmd" -type f -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-16)"

complete() {
  local dir="$1"
  [ -f "$dir/.complete" ] || return 1
  for b in "${binaries[@]}"; do
    [ -x "$dir/$b" ] || return 1
    # A truncated or corrupted binary fails here rather than at cluster start.
    runs_ok "$dir/$b" || return 1
  done
}

command -v go >/dev/null 2>&1 || use_cache_without_go
open_cache_or_lock

# Keep what is intact from a corrupted cache or an interrupted build; rebuild only the rest.
rm -f "$out.partial/.complete"
if [ -d "$out" ]; then
  log "cache $out is incomplete or corrupted; rebuilding what is broken"
  mkdir -p "$out.partial"
  cp -a "$out/." "$out.partial/"
  rm -rf "$out"
fi
mkdir -p "$out.partial"

k8s_version="$(awk '$1=="k8s.io/kubernetes"{print $2}' "$gomod/go.mod" | head -1)"
kwok_version="$(awk '$1=="sigs.k8s.io/kwok"{print $2}' "$gomod/go.mod" | head -1)"
minor="$(echo "$k8s_version" | cut -d. -f2)"
vb=k8s.io/component-base/version
k8s_ldflags="-s -w -X $vb.gitVersion=$k8s_version -X $vb.gitMajor=1 -X $vb.gitMinor=$minor -X $vb.gitTreeState=clean -X $vb.buildDate=1970-01-01T00:00:00Z"
kwok_ldflags="-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${kwok_version#v} -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=${k8s_version#v}"

total_start=$SECONDS
count=0
build() {
  local name="$1" pkg="$2" flags="$3"
  local start=$SECONDS
  count=$((count + 1))
  if [ -x "$out.partial/$name" ] && runs_ok "$out.partial/$name"; then
    log "$name ($count of ${#binaries[@]}) is intact; keeping it"
    return
  fi
  rm -f "$out.partial/$name"
  log "building $name ($count of ${#binaries[@]}, $pkg)…"
  go_build "$name" "$pkg" "$flags" "$out.partial/$name" \
    "a first build of them all takes about 15 minutes on 2 cores"
  log "built $name in $((SECONDS - start)) s"
}

build kube-apiserver k8s.io/kubernetes/cmd/kube-apiserver "$k8s_ldflags"
build kube-controller-manager k8s.io/kubernetes/cmd/kube-controller-manager "$k8s_ldflags"
build kube-scheduler k8s.io/kubernetes/cmd/kube-scheduler "$k8s_ldflags"
build etcd ./cmd/etcd "-s -w"
build kwok sigs.k8s.io/kwok/cmd/kwok "$kwok_ldflags"
build kwokctl sigs.k8s.io/kwok/cmd/kwokctl "$kwok_ldflags"
echo "$source_hash" >"$out.partial/.source-hash"
touch "$out.partial/.complete"
mv "$out.partial" "$out"
log "all binaries built in $((SECONDS - total_start)) s into $out"
echo "$out"
