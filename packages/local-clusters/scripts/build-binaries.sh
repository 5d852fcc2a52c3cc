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

log() { printf '[local-clusters] %s\n' "$*" >&2; }

# What the binaries are built from, without the Go version: lets a machine without Go reuse a
# cache that a machine with Go built.
source_hash="$( (cat "$gomod/go.sum" "$gomod/go.mod"; find "$gomod/cmd" -type f -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-16)"

# True when the binary starts and prints its version. Run in an inner shell, so a binary that
# crashes (a truncated file) does not make this shell print "Segmentation fault".
runs_ok() { bash -c '"$0" --version >/dev/null 2>&1; exit $?' "$1" 2>/dev/null; }

complete() {
  local dir="$1"
  [ -f "$dir/.complete" ] || return 1
  for b in "${binaries[@]}"; do
    [ -x "$dir/$b" ] || return 1
    # A truncated or corrupted binary fails here rather than at cluster start.
    runs_ok "$dir/$b" || return 1
  done
}

if ! command -v go >/dev/null 2>&1; then
  for dir in "$bin_root"/*/; do
    dir="${dir%/}"
    if [ -f "$dir/.source-hash" ] && [ "$(cat "$dir/.source-hash")" = "$source_hash" ] && complete "$dir"; then
      log "Go is not installed; using binaries already built from the same sources in $dir"
      echo "$dir"
      exit 0
    fi
  done
  log "Go is not installed, and no cached binaries match packages/local-clusters/go."
  log "Install Go 1.24 or newer (apt-get install golang-go, or the tarball from the Go website), make sure"
  log "the Go module proxy is reachable (go env GOPROXY), and run \`yarn clusters up\` again."
  exit 3
fi

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
go_version="$(go env GOVERSION)"
key="$(printf '%s %s' "$source_hash" "$go_version" | sha256sum | cut -c1-16)"
out="$bin_root/$key"

if complete "$out"; then
  log "binaries cached in $out"
  echo "$out"
  exit 0
fi

# Two `clusters up` at once (say scripts/start and scripts/test) must not build into the same
# folder; the second waits for the first and then finds the cache warm.
mkdir -p "$bin_root"
exec 9>"$bin_root/.build.lock"
if ! flock -n 9; then
  log "another build of the binaries is running; waiting for it (up to 45 minutes)"
  flock -w 2700 9 || { log "gave up waiting for the other build"; exit 5; }
  if complete "$out"; then
    log "binaries cached in $out"
    echo "$out"
    exit 0
  fi
fi

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
  ( cd "$gomod" && go build -trimpath -ldflags "$flags" -o "$out.partial/$name" "$pkg" ) &
  local pid=$!
  local next_report=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next_report" ] && kill -0 "$pid" 2>/dev/null; then
      log "  still building $name: $((SECONDS - start)) s so far, $((SECONDS - total_start)) s in total (a first build takes about 15 minutes on 2 cores)"
      next_report=$((SECONDS + 30))
    fi
  done
  if ! wait "$pid"; then
    log "building $name failed. If the error above names a module download, check that the Go module"
    log "proxy is reachable (go env GOPROXY); if it is a compiler error, check Go is 1.24 or newer ($go_version here)."
    exit 4
  fi
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
