#!/usr/bin/env bash
# Test aid, never shipped: makes a fresh 64-bit wine prefix in which the real xxgk.exe runs.
#
#   scripts/wine/prefix.sh DIR      # DIR must be empty or absent, normally under mktemp -d
#
# Then: WINEPREFIX=DIR WINEDEBUG=-all wine xxgk.exe version
#
# It boots the prefix quietly (wineboot -i), puts the ProcessPrng stand-in
# (bcryptprimitives.dll, built here from processprng.c) into system32, copies
# fonts-wqy-microhei into C:\Windows\Fonts, and builds holdopen.exe (holds a file open
# without sharing, as Excel does) into DIR/holdopen.exe. Needs wine, wine64 and
# gcc-mingw-w64-x86-64 (and fonts-wqy-microhei); .ci/windows.sh installs them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:?usage: prefix.sh DIR}
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
if [ -n "$(ls -A "$prefix")" ]; then
  echo "prefix.sh: $prefix is not empty" >&2
  exit 2
fi
export WINEPREFIX=$prefix WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko installer dialogs, no desktop integration: nothing but the prefix.
export WINEDLLOVERRIDES='mscoree,mshtml,winemenubuilder.exe=d'

cc=x86_64-w64-mingw32-gcc
"$cc" -shared -O2 -o "$prefix/bcryptprimitives.dll" "$here/processprng.c" "$here/processprng.def" -ladvapi32
"$cc" -O2 -municode -o "$prefix/holdopen.exe" "$here/holdopen.c"

wineboot -i >/dev/null 2>&1
wineserver -w

sys32=$prefix/drive_c/windows/system32
[ -d "$sys32" ] || { echo "prefix.sh: wineboot made no $sys32" >&2; exit 1; }
cp "$prefix/bcryptprimitives.dll" "$sys32/bcryptprimitives.dll"

fonts=$prefix/drive_c/windows/Fonts
mkdir -p "$fonts"
wqy=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
[ -e "$wqy" ] || { echo "prefix.sh: $wqy missing (apt-get install fonts-wqy-microhei)" >&2; exit 1; }
cp "$wqy" "$fonts/"
echo "$prefix"
