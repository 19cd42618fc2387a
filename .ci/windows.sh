#!/usr/bin/env bash
# The Windows suite: the real windows/amd64 xxgk.exe under wine (Debian's wine 8.0, with
# the ProcessPrng stand-in from scripts/wine). Standalone: bash .ci/windows.sh
#
# Installs wine, wine64, gcc-mingw-w64-x86-64 and fonts-wqy-microhei when missing, builds
# xxgk.exe with CGO_ENABLED=0, runs the internal/oserr tests as a Windows test binary under
# wine, then TestWine (cmd/xxgk/wine_test.go), which makes its own wine prefix in a
# temporary folder (scripts/wine/prefix.sh) and removes it afterwards.
# windows/386 is not run (it would need dpkg --add-architecture i386 and wine32).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== windows: packages"
export DEBIAN_FRONTEND=noninteractive
need=()
command -v wine >/dev/null || need+=(wine)
[ -e /usr/lib/wine/wine64 ] || need+=(wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

work=$(mktemp -d)
trap 'WINEPREFIX=$work/prefix wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== windows: build xxgk.exe (windows/amd64)"
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -o "$work/xxgk.exe" ./cmd/xxgk
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$work/oserr.test.exe" ./internal/oserr

echo "== windows: prefix"
scripts/wine/prefix.sh "$work/prefix" >/dev/null
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml,winemenubuilder.exe=d'
wine "$work/xxgk.exe" version
wine "$work/oserr.test.exe"

echo "== windows: TestWine under wine"
unset WINEPREFIX # TestWine makes its own
XXGK_WINE=1 XXGK_WINE_EXE="$work/xxgk.exe" go test -count=1 -timeout 20m -run '^TestWine$' -v ./cmd/xxgk
