# Sourced by scripts/start and scripts/test: runs the demo backend, which serves the built
# frontend and every API on one port.

# The config files the demo backend reads, in order; later files override earlier ones.
kp_backend_config_args() {
  local args=(--config "$KP_ROOT/app-config.yaml" --config "$KP_ROOT/app-config.single-port.yaml")
  # KUBEPLATFORM_DATABASE=postgres: PostgreSQL from POSTGRES_* (scripts/start sets them).
  [ "${KUBEPLATFORM_DATABASE:-sqlite}" = postgres ] && args+=(--config "$KP_ROOT/app-config.postgres.yaml")
  local clusters_config="$KP_ROOT/.local-clusters/app-config.local-clusters.yaml"
  [ -f "$clusters_config" ] && args+=(--config "$clusters_config")
  local extra
  for extra in ${KUBEPLATFORM_EXTRA_CONFIG:-}; do args+=(--config "$extra"); done
  printf '%s\n' "${args[@]}"
}

# Writes the overlay that turns the local clusters into user-level (oidc) clusters and prints
# its path (packages/local-clusters/src/oidc/oidcClustersConfig.ts; docs/local-clusters.md).
kp_oidc_clusters_config() {
  (cd "$KP_ROOT" && node --require @backstage/cli/config/nodeTransform.cjs \
    packages/local-clusters/src/oidc/oidcClustersConfig.ts)
}

# Waits until the backend answers, or fails when its process died or the time ran out.
kp_wait_for_backend() {
  local pid="$1" url="$2" seconds="${3:-180}"
  local waited=0
  until curl -fsS -o /dev/null "$url/.backstage/health/v1/readiness" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$waited" -ge "$seconds" ] && return 2
    sleep 2
    waited=$((waited + 2))
  done
}

# Runs the demo backend from source in the foreground of the caller's subshell. Unlike
# `yarn start` it does not watch files, so an edit elsewhere in the tree never restarts it
# in the middle of a demo or a test run. NODE_ENV=development keeps guest sign-in allowed.
#
# When `yarn clusters up` runs the local OIDC issuer, the backend trusts its locally generated
# CA (for the `oidc` sign-in provider); no other certificate is added.
kp_run_backend() {
  local issuer_ca="$KP_ROOT/.local-clusters/oidc/ca.crt"
  [ -f "$issuer_ca" ] && export NODE_EXTRA_CA_CERTS="$issuer_ca"
  cd "$KP_ROOT/packages/backend" &&
    NODE_ENV=development exec node --require @backstage/cli/config/nodeTransform.cjs src/index.ts "$@"
}
