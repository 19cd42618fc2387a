#!/usr/bin/env bash
# Browser test of the web portal (issue 15): Debian's chromium driven by playwright-core
# against `xxgk serve` on 127.0.0.1. Standalone: bash .ci/browser.sh [SCREENSHOT_DIR]
# (default: a temporary folder; docs/screenshots refreshes the README's pictures).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if ! command -v chromium >/dev/null; then
  apt-get update -qq && apt-get install -y -qq chromium
fi
if ! command -v npm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nodejs npm
fi
(cd web/e2e && npm ci --no-audit --no-fund --silent)

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
shots=${1:-$work/screenshots}
mkdir -p "$shots"

go build -o "$work/xxgk" ./cmd/xxgk
go build -o "$work/fill" ./web/e2e/fill
x="$work/xxgk"
db="sqlite:$work/portal.db"
year=$(date +%Y)
"$x" templates --db "$db" --out "$work/tpl" --round "$year" --deadline "$year-12-31" >/dev/null
"$x" access --db "$db" --out "$work/codes.csv" >/dev/null
office=$("$x" access --db "$db" --office | grep -Eo '[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}' | head -1)
unit_code=$(grep '^市财政局,' "$work/codes.csv" | cut -d, -f3)
tpl="$work/tpl/${year}_市财政局_信息公开栏目建设情况填报表.xlsx"
"$work/fill" "$tpl" errors 1 "$work/市财政局-有错.xlsx"
"$work/fill" "$tpl" good 2 "$work/市财政局-改正.xlsx"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$x" serve --db "$db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  grep -q "网上报送已启动" "$work/serve.log" && break
  sleep 0.1
done
grep -q "网上报送已启动" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }

# Other units hand in through the API, as an office's script would: the status table
# then shows a round in progress. Every answer must be the import's JSON, accepted.
n=0
tail -n +2 "$work/codes.csv" | while IFS=, read -r short _ code _; do
  short=${short#$'\ufeff'}
  n=$((n + 1))
  case "$short" in 市财政局) continue ;; esac
  [ $((n % 4)) -eq 0 ] && continue # some units have not reported yet
  profile=good; [ $((n % 3)) -eq 0 ] && profile=warnings
  f="$work/api-$n.xlsx"
  "$work/fill" "$work/tpl/${year}_${short}_信息公开栏目建设情况填报表.xlsx" "$profile" "$n" "$f"
  answer=$(curl -sS -H "Authorization: Bearer $code" -F "file=@$f;filename=${short}.xlsx" "http://127.0.0.1:$port/api/upload")
  case "$answer" in *'"outcome":"accepted"'*) ;; *) echo "API upload of $short: $answer"; exit 1 ;; esac
done
status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $unit_code" "http://127.0.0.1:$port/api/status")
[ "$status" = 403 ] || { echo "/api/status with a unit's code answered $status"; exit 1; }

BASE="http://127.0.0.1:$port" UNIT_CODE="$unit_code" OFFICE_CODE="$office" UNIT_ID=CZJ UNIT_NAME=市财政局 \
  BAD="$work/市财政局-有错.xlsx" GOOD="$work/市财政局-改正.xlsx" SHOTS="$shots" WORK="$work" \
  node web/e2e/portal.mjs

kill -INT "$server"
wait "$server"
server=""
grep -q "网上报送已停止" "$work/serve.log" || { echo "serve did not stop cleanly:"; cat "$work/serve.log"; exit 1; }
echo "browser test: screenshots in $shots"
