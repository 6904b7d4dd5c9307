#!/usr/bin/env bash
# Sets up the services (as up.sh does), builds, and runs every test suite against the real
# PostgreSQL, RabbitMQ and Docker. Ends with one line "N passed, N failed" over all suites and exits
# non-zero if anything failed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=infra/services.sh
source "$root/infra/services.sh"
set -e
command -v dotnet >/dev/null || { echo "the .NET SDK 10 (dotnet) is required" >&2; exit 1; }
paas_services_up
paas_build_images "$root"
paas_log "building"
dotnet build "$root/PaaS.sln" -c Release -nologo -v q -clp:ErrorsOnly
set +e

results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
failed_suites=0
for project in "$root"/tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  paas_log "testing $name"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    || failed_suites=$((failed_suites + 1))
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# A suite that crashed before writing results still counts as a failure.
if [ "$failed" -eq 0 ] && [ "$failed_suites" -gt 0 ]; then failed=$failed_suites; fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$failed_suites" -eq 0 ]
