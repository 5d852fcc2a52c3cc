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

what=metrics-server
source "$here/scripts/lib/go-build-cache.sh"

version="$(awk '$1=="sigs.k8s.io/metrics-server"{print $2}' "$gomod/go.mod" | head -1)"
# kwokctl runs `metrics-server --version` and needs a semantic version back; metrics-server reads
# it from client-go's version package, which `go build` leaves at v0.0.0-master.
ldflags="-s -w -X k8s.io/client-go/pkg/version.gitVersion=$version -X k8s.io/client-go/pkg/version.gitTreeState=clean -X k8s.io/client-go/pkg/version.buildDate=1970-01-01T00:00:00Z"
source_hash="$( (cat "$gomod/go.mod" "$gomod/go.sum"; printf '%s\n' "$pkg" "$ldflags") | sha256sum | cut -c1-16)"

complete() {
  [ -f "$1/.complete" ] && [ -x "$1/metrics-server" ] && runs_ok "$1/metrics-server"
}

command -v go >/dev/null 2>&1 || use_cache_without_go
open_cache_or_lock

rm -rf "$out" "$out.partial"
mkdir -p "$out.partial"
start=$SECONDS
log "building metrics-server $version ($pkg): after the control plane's build it reuses its compiled Kubernetes libraries (about 2 minutes on 2 cores); it is cached in $bin_root for later runs"
go_build metrics-server "$pkg" "$ldflags" "$out.partial/metrics-server"
if ! runs_ok "$out.partial/metrics-server"; then
  log "the built metrics-server does not answer --version"
  exit 4
fi
echo "$source_hash" >"$out.partial/.source-hash"
touch "$out.partial/.complete"
mv "$out.partial" "$out"
log "built metrics-server $version in $((SECONDS - start)) s into $out"
echo "$out"
