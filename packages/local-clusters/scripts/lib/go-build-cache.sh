# Sourced by build-binaries.sh and build-metrics-server.sh: the cache of Go-built binaries outside
# the repository, one folder per key (the sources' hash and the Go version), and a Go build that
# reports its progress. The script sets, before calling these: `gomod` (the Go module's folder),
# `bin_root` (the cache), `source_hash` (what the binaries are built from, without the Go
# version), `what` (how messages name the binaries) and a function `complete DIR` (true when DIR
# holds every binary, intact).

log() { printf '[local-clusters] %s\n' "$*" >&2; }

# True when the binary starts and prints its version. Run in an inner shell, so a binary that
# crashes (a truncated file) does not make this shell print "Segmentation fault".
runs_ok() { bash -c '"$0" --version >/dev/null 2>&1; exit $?' "$1" 2>/dev/null; }

# Without Go: a cache that a machine with Go built from the same sources, printed; or exit 3.
use_cache_without_go() {
  local dir
  for dir in "$bin_root"/*/; do
    dir="${dir%/}"
    if [ -f "$dir/.source-hash" ] && [ "$(cat "$dir/.source-hash")" = "$source_hash" ] && complete "$dir"; then
      log "Go is not installed; using $what already built from the same sources in $dir"
      echo "$dir"
      exit 0
    fi
  done
  log "Go is not installed, and no cached $what matches the Go module in $gomod."
  log "Install Go 1.24 or newer (apt-get install golang-go, or the tarball from the Go website), make sure"
  log "the Go module proxy is reachable (go env GOPROXY), and run \`yarn clusters up\` again."
  exit 3
}

# Sets `go_version` and `out` (the cache folder for these sources and this Go). A complete
# cache is printed and the script ends; otherwise the script holds the build lock from here on.
# Two `clusters up` at once (say scripts/start and scripts/test) must not build into the same
# folder: the second waits for the first and then finds the cache warm.
open_cache_or_lock() {
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
  go_version="$(go env GOVERSION)"
  out="$bin_root/$(printf '%s %s' "$source_hash" "$go_version" | sha256sum | cut -c1-16)"
  if complete "$out"; then
    log "$what cached in $out"
    echo "$out"
    exit 0
  fi
  mkdir -p "$bin_root"
  exec 9>"$bin_root/.build.lock"
  if ! flock -n 9; then
    log "another build of $what is running; waiting for it (up to 45 minutes)"
    flock -w 2700 9 || { log "gave up waiting for the other build"; exit 5; }
    if complete "$out"; then
      log "$what cached in $out"
      echo "$out"
      exit 0
    fi
  fi
}

# go_build NAME PACKAGE LDFLAGS OUTPUT [NOTE]: builds in the background and says every 30 s how
# long it has taken (NOTE, when given, is added to that line); exit 4 when the build fails.
go_build() {
  local name="$1" pkg="$2" flags="$3" output="$4" note="${5:-}"
  local start=$SECONDS
  ( cd "$gomod" && go build -trimpath -ldflags "$flags" -o "$output" "$pkg" ) &
  local pid=$!
  local next_report=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next_report" ] && kill -0 "$pid" 2>/dev/null; then
      log "  still building $name: $((SECONDS - start)) s so far${note:+, $note}"
      next_report=$((SECONDS + 30))
    fi
  done
  if ! wait "$pid"; then
    log "building $name failed. If the error above names a module download, check that the Go module"
    log "proxy is reachable (go env GOPROXY); if it is a compiler error, check Go is 1.24 or newer ($go_version here)."
    exit 4
  fi
}
