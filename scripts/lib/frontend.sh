# Sourced by scripts/start and scripts/test: builds the frontend bundle that the backend serves on
# :7007, skipping the build when no frontend source changed since the last one.

kp_build_frontend() {
  local stamp="$KP_ROOT/packages/app/dist/.kubeplatform-build-stamp"
  local sum
  sum="$(cd "$KP_ROOT" && git ls-files -co --exclude-standard -- packages/app plugins app-config.yaml yarn.lock |
    grep -v -E '(^|/)(dist|node_modules)/' | grep -v -E '\.(test|integration\.test)\.tsx?$' |
    xargs -r sha1sum 2>/dev/null | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    kp_log "frontend bundle is up to date"
    return 0
  fi
  kp_log "building the frontend bundle (packages/app)"
  (cd "$KP_ROOT" && yarn workspace app build) >&2 || kp_die "the frontend build failed (see above)."
  echo "$sum" > "$stamp"
}
