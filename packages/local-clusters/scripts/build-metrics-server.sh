#!/usr/bin/env bash
# Builds metrics-server from the Go module in ../go/metrics-server (its own module: its
# Kubernetes libraries must not be unified with the control plane's) and caches it outside the
# repository in ~/.cache/kubeplatform/metrics-server/<key>/, the key being a hash of that
# module's go.mod and go.sum, the build flags and the Go version. Prints the cache directory as
# its last stdout line.
#
# Exit codes: 3 = Go is missing, 4 = the Go build failed, 5 = another build holds the lock too long.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gomod="$here/go/metrics-server"
cache_root="${KUBEPLATFORM_CACHE_DIR:-$HOME/.cache/kubeplatform}"
bin_root="$cache_root/metrics-server"
pkg=sigs.k8s.io/metrics-server/cmd/metrics-server

log() { printf '[local-clusters] %s\n' "$*" >&2; }

version="$(awk '$1=="sigs.k8s.io/metrics-server"{print $2}' "$gomod/go.mod" | head -1)"
# kwokctl runs `metrics-server --version` and needs a semantic version back; metrics-server reads
# it from client-go's version package, which `go build` leaves at v0.0.0-master.
ldflags="-s -w -X k8s.io/client-go/pkg/version.gitVersion=$version -X k8s.io/client-go/pkg/version.gitTreeState=clean -X k8s.io/client-go/pkg/version.buildDate=1970-01-01T00:00:00Z"
source_hash="$( (cat "$gomod/go.mod" "$gomod/go.sum"; printf '%s\n' "$pkg" "$ldflags") | sha256sum | cut -c1-16)"

runs_ok() { bash -c '"$0" --version >/dev/null 2>&1; exit $?' "$1" 2>/dev/null; }
complete() {
  [ -f "$1/.complete" ] && [ -x "$1/metrics-server" ] && runs_ok "$1/metrics-server"
}

if ! command -v go >/dev/null 2>&1; then
  for dir in "$bin_root"/*/; do
    dir="${dir%/}"
    if [ -f "$dir/.source-hash" ] && [ "$(cat "$dir/.source-hash")" = "$source_hash" ] && complete "$dir"; then
      log "Go is not installed; using metrics-server already built from the same sources in $dir"
      echo "$dir"
      exit 0
    fi
  done
  log "Go is not installed, and no cached metrics-server matches packages/local-clusters/go/metrics-server."
  log "Install Go 1.24 or newer and run \`yarn clusters up\` again."
  exit 3
fi

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
go_version="$(go env GOVERSION)"
key="$(printf '%s %s' "$source_hash" "$go_version" | sha256sum | cut -c1-16)"
out="$bin_root/$key"

if complete "$out"; then
  log "metrics-server $version cached in $out"
  echo "$out"
  exit 0
fi

mkdir -p "$bin_root"
exec 9>"$bin_root/.build.lock"
if ! flock -n 9; then
  log "another build of metrics-server is running; waiting for it (up to 45 minutes)"
  flock -w 2700 9 || { log "gave up waiting for the other build"; exit 5; }
  if complete "$out"; then
    echo "$out"
    exit 0
  fi
fi

rm -rf "$out" "$out.partial"
mkdir -p "$out.partial"
start=$SECONDS
log "building metrics-server $version ($pkg): after the control plane's build it reuses its compiled Kubernetes libraries (about 2 minutes on 2 cores); it is cached in $bin_root for later runs"
( cd "$gomod" && go build -trimpath -ldflags "$ldflags" -o "$out.partial/metrics-server" "$pkg" ) &
pid=$!
next_report=$((SECONDS + 30))
while kill -0 "$pid" 2>/dev/null; do
  sleep 1
  if [ "$SECONDS" -ge "$next_report" ] && kill -0 "$pid" 2>/dev/null; then
    log "  still building metrics-server: $((SECONDS - start)) s so far"
    next_report=$((SECONDS + 30))
  fi
done
if ! wait "$pid"; then
  log "building metrics-server failed. If the error above names a module download, check that the Go"
  log "module proxy is reachable (go env GOPROXY); if it is a compiler error, check Go ($go_version here)."
  exit 4
fi
if ! runs_ok "$out.partial/metrics-server"; then
  log "the built metrics-server does not answer --version"
  exit 4
fi
echo "$source_hash" >"$out.partial/.source-hash"
touch "$out.partial/.complete"
mv "$out.partial" "$out"
log "built metrics-server $version in $((SECONDS - start)) s into $out"
echo "$out"
