#!/usr/bin/env bash
# Benchmark of a full course sync (issue 3): the demo LMS in one process, the tool's `bench sync` in another, on one
# throwaway SQLite database, over loopback. Usage: scripts/bench-sync.sh [STUDENTS...]   (default: 500 5000; 40 line items)
set -euo pipefail
cd "$(dirname "$0")/.."
ASSIGNMENTS="${ASSIGNMENTS:-40}"
PORT="${PORT:-5077}"
dotnet build LtiTool -c Release -v quiet -nologo >/dev/null
DLL="$PWD/LtiTool/bin/Release/net10.0/LtiTool.dll"
for STUDENTS in "${@:-500 5000}"; do
  for N in $STUDENTS; do
    DIR="$(mktemp -d)"
    export Database__ConnectionString="Data Source=$DIR/edurec.db" Lti__AllowHttpLoopback=true
    # The LMS process is also a tool: its timers stay off so only the benchmark syncs.
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT" Demo__Students="$N" Demo__Assignments="$ASSIGNMENTS" \
      Sync__SchedulerEnabled=false Outbox__WorkerEnabled=false Logging__LogLevel__Default=Warning \
      dotnet "$DLL" >"$DIR/lms.log" 2>&1 &
    LMS=$!
    until curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null; do
      kill -0 "$LMS" || { cat "$DIR/lms.log"; exit 1; }
      sleep 0.2
    done
    echo "== $N students x $ASSIGNMENTS line items; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
    Logging__LogLevel__Default=Warning dotnet "$DLL" bench sync --lms "http://127.0.0.1:$PORT" || true
    echo "LMS process peak RSS   $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$LMS/status")"
    kill "$LMS"; wait "$LMS" 2>/dev/null || true
    rm -rf "$DIR"
  done
done
