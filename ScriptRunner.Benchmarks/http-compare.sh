#!/usr/bin/env bash
# Trivial requests per second over HTTP, several servers measured in the same run: each published ScriptRunner build
# given, and the isolated-vm reference server when IVM_PATH is set. Every server is warmed under load first; then the
# rounds alternate between them, so the machine's load lands on all of them alike.
#
#   ScriptRunner.Benchmarks/http-compare.sh [--rounds 3] [--seconds 10] [--code '1+1'] [--handler NAME] [--engine jint] <publish-folder>...
#   IVM_PATH=/tmp/peers/node_modules/isolated-vm  adds the reference (see the isolated-vm server under shared/peers).
#
# Needs wrk (apt-get install wrk). Servers listen on loopback ports from 7391 up; the reference on 3903.
set -euo pipefail

rounds=3 seconds=10 code='1+1' engine=jint handler=
folders=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --code) code=$2; shift 2 ;;
    --engine) engine=$2; shift 2 ;;
    --handler) handler=$2; shift 2 ;;
    *) folders+=("$1"); shift ;;
  esac
done
[ ${#folders[@]} -gt 0 ] || [ -n "${IVM_PATH:-}" ] || { echo "usage: $0 [--rounds N] [--seconds S] [--code JS] [--engine jint|v8] <publish-folder>..." >&2; exit 2; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

body=$(CODE="$code" ENGINE="$engine" HANDLER="$handler" python3 -c '
import json, os
body = {"code": os.environ["CODE"], "engine": os.environ["ENGINE"]}
if os.environ["HANDLER"]:
    body["handler"] = os.environ["HANDLER"]
    body["request"] = {"method": "GET", "url": "/", "headers": {}, "body": "", "query": {}}
print(json.dumps(body))')
ref_body=$(CODE="$code" python3 -c 'import json, os; print(json.dumps({"code": os.environ["CODE"]}))')
lua() { printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n' "$(python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1")" > "$2"; }
lua "$body" "$work/post.lua"
lua "$ref_body" "$work/ref.lua"

names=() urls=() scripts=()
port=7391
for folder in "${folders[@]}"; do
  PORT=$port dotnet "$folder/ScriptRunner.Functions.dll" > "$work/server-$port.log" 2>&1 &
  pids+=($!)
  names+=("$folder") urls+=("http://127.0.0.1:$port/api/execute") scripts+=("$work/post.lua")
  port=$((port + 1))
done
if [ -n "${IVM_PATH:-}" ]; then
  here=$(cd "$(dirname "$0")/.." && pwd)
  peer=${PEERS_SERVER:-$here/../shared/peers/isolated-vm-server.js}
  PORT=3903 node "$peer" > "$work/server-ivm.log" 2>&1 &
  pids+=($!)
  names+=("isolated-vm reference") urls+=("http://127.0.0.1:3903/execute") scripts+=("$work/ref.lua")
fi

for i in "${!urls[@]}"; do
  for _ in $(seq 1 120); do
    curl -sf -X POST -H 'Content-Type: application/json' -d "$body" "${urls[$i]}" > /dev/null 2>&1 && break
    sleep 0.5
  done
  wrk -t2 -c16 -d"${seconds}s" -s "${scripts[$i]}" "${urls[$i]}" > /dev/null
done

echo "load average $(cat /proc/loadavg); code: $code; handler: ${handler:-none}; engine: $engine; wrk -t2 -c16 -d${seconds}s"
for round in $(seq 1 "$rounds"); do
  for i in "${!urls[@]}"; do
    rps=$(wrk -t2 -c16 -d"${seconds}s" -s "${scripts[$i]}" "${urls[$i]}" | awk '/Requests\/sec/ {print $2}')
    echo "round $round  ${names[$i]}: $rps requests/s"
  done
done
echo "load average $(cat /proc/loadavg)"
