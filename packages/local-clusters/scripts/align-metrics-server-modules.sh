#!/usr/bin/env bash
# Pins every module the metrics-server module shares with the control plane's module to the
# control plane's version, through a `replace` block in go/metrics-server/go.mod, then tidies it.
# Same module versions and build flags give the same Go build-cache keys, so a cold machine
# compiles the Kubernetes libraries once (for kube-apiserver) and metrics-server reuses them.
# Run it after changing either go.mod, then build both (`yarn clusters up`) and commit.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

# "module version" per line, the version after a replace when there is one. `go list -m all`
# may add go.mod hashes to go.sum; the control plane's go.sum keys its binary cache, so the
# module is read from a copy.
modules() {
  local copy
  copy="$(mktemp -d)"
  cp "$1/go.mod" "$1/go.sum" "$copy/"
  (cd "$copy" && go list -m all) | awk 'NF >= 2 { v = $2; if ($3 == "=>") v = $5; print $1, v }' | sort
  rm -rf "$copy"
}

ms="$here/go/metrics-server"
# Start from the module's own requirements: drop the block this script wrote last time.
awk '/^\/\/ BEGIN aligned with the control plane/{skip=1} !skip{print} /^\/\/ END aligned/{skip=0}' \
  "$ms/go.mod" >"$ms/go.mod.tmp" && mv "$ms/go.mod.tmp" "$ms/go.mod"
(cd "$ms" && go mod tidy)

control_plane="$(modules "$here/go")"  # go/cmd is not needed to list modules
own="$(modules "$ms")"
replaces="$(join <(echo "$control_plane") <(echo "$own") | awk '$2 != $3 { print "\t" $1 " => " $1 " " $2 }')"
{
  echo "// BEGIN aligned with the control plane: written by scripts/align-metrics-server-modules.sh"
  echo "replace ("
  echo "$replaces"
  echo ")"
  echo "// END aligned with the control plane"
} >>"$ms/go.mod"
(cd "$ms" && go mod tidy)
echo "pinned $(echo "$replaces" | grep -c . || true) shared modules of go/metrics-server to the control plane's versions" >&2
