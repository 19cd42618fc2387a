#!/usr/bin/env bash
# verify --browser in CI: install Debian's chromium when missing, then run the tests that
# render pages in it (verify: XHR, jQuery, document.write and .jsp-written lists, the
# address guard on the page's own requests; cmd: verify --browser over the sample site).
# With CI=true those tests fail instead of skipping when no browser is found, so run this
# script (or at least its install step) before .ci/run's go test ./... .
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=true
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && ! command -v google-chrome >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium
fi
go test -count=1 ./verify -run 'TestRender|TestShell|TestScripted|TestBrowser|TestFindBrowser'
go test -count=1 ./cmd/xxgk -run 'TestVerifyWithBrowser|TestVerifyBrowserMissing|TestOptionalBrowserValue'
