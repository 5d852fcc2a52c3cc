# Sourced by scripts/replicas and scripts/test-replicas: the production-built backend bundle.
#
#   kp_replicas_bundle DIR   builds the bundle (yarn build:backend) unless a build of the same
#                            inputs is cached, and unpacks it into DIR/bundle, ready for
#                            `node DIR/bundle/packages/backend`
#
# The cache is keyed by the content of the build's inputs (tracked files, uncommitted changes
# and untracked files of the workspaces and the root manifests), so a changed source file always
# rebuilds. KUBEPLATFORM_SKIP_BUILD=1 uses whatever bundle packages/backend/dist holds.

KP_REPLICAS_BUILD_INPUTS=(packages/backend packages/app plugins package.json yarn.lock app-config.yaml)

kp_replicas_inputs_key() {
  (
    cd "$KP_ROOT" || exit 1
    git ls-files -s -- "${KP_REPLICAS_BUILD_INPUTS[@]}"
    git diff HEAD -- "${KP_REPLICAS_BUILD_INPUTS[@]}"
    git ls-files -z -o --exclude-standard -- "${KP_REPLICAS_BUILD_INPUTS[@]}" |
      xargs -0 -r sha256sum
  ) | sha256sum | cut -c1-16
}

kp_replicas_bundle() {
  local dir="$1"
  local dist="$KP_ROOT/packages/backend/dist/bundle.tar.gz"
  local cached="$dir/bundle.tar.gz"
  mkdir -p "$dir"
  if [ "${KUBEPLATFORM_SKIP_BUILD:-0}" = 1 ]; then
    [ -f "$dist" ] || kp_die "KUBEPLATFORM_SKIP_BUILD=1, but there is no $dist"
    cp "$dist" "$cached"
  else
    local key start=$SECONDS
    key="$(kp_replicas_inputs_key)" || kp_die "could not hash the build inputs"
    if [ -f "$cached" ] && [ "$(cat "$dir/bundle.key" 2>/dev/null)" = "$key" ]; then
      kp_log "reusing the backend bundle built from the same inputs ($key)"
    else
      kp_log "building the production backend bundle (yarn build:backend)"
      rm -f "$dir/bundle.key"
      (cd "$KP_ROOT" && yarn build:backend) >&2 || kp_die "yarn build:backend failed"
      cp "$dist" "$cached"
      echo "$key" >"$dir/bundle.key"
      kp_log "built the backend bundle in $((SECONDS - start)) s"
    fi
  fi

  # The bundle holds the repository's own packages as built (dist/, migrations/, the package.json
  # of their publishConfig). Its third-party dependencies come from the repository's node_modules
  # (the bundle lives below it), so the bundle needs no install; its own packages are linked into
  # the bundle's node_modules so that they win over the repository's source workspaces.
  local bundle="$dir/bundle" manifest name
  rm -rf "$bundle"
  mkdir -p "$bundle"
  tar -xzf "$cached" -C "$bundle" || kp_die "could not unpack $cached"
  for manifest in "$bundle"/packages/*/package.json "$bundle"/plugins/*/package.json; do
    name="$(node -p 'require(process.argv[1]).name' "$manifest")"
    mkdir -p "$bundle/node_modules/$(dirname "$name")"
    ln -sfn "$(dirname "$manifest")" "$bundle/node_modules/$name"
  done
}
