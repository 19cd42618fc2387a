#!/usr/bin/env bash
# Builds a release of xxgk: for every platform the office's PCs run (Windows, domestic
# Linux on x86, ARM64 and LoongArch, macOS), a static, trimmed binary zipped with the
# Chinese 使用说明.txt, plus SHA256SUMS over the zips.
#
#   scripts/release.sh VERSION [OUTDIR]      e.g. scripts/release.sh 1.0.0   (→ dist/1.0.0/)
#
# The version, commit and build date are written into the binary with -ldflags -X and
# shown by `xxgk version`. SOURCE_DATE_EPOCH, when set, fixes the date (reproducible
# builds). XXGK_TARGETS="linux/amd64 ..." limits the platforms.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-}
if [[ ! "$version" =~ ^v?[0-9A-Za-z][0-9A-Za-z.+-]*$ ]]; then
  echo "用法：scripts/release.sh 版本号 [输出目录]，例如 scripts/release.sh 1.0.0" >&2
  exit 2
fi
out=${2:-dist/$version}
targets=(${XXGK_TARGETS:-windows/amd64 windows/386 linux/amd64 linux/arm64 linux/loong64 darwin/amd64 darwin/arm64})

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit-modified"
fi
epoch=${SOURCE_DATE_EPOCH:-$(date +%s)}
date=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$epoch" +%Y-%m-%dT%H:%M:%SZ)

# The output folder is emptied only of what an earlier run of this script wrote there (it
# leaves a marker file): a folder typed by mistake (., ~, a folder of other files) is
# refused, never removed.
marker=.xxgk-release
if [ -e "$out" ] && [ ! -d "$out" ]; then
  echo "输出位置 $out 已存在且不是文件夹，未做任何改动" >&2
  exit 2
fi
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
  if [ ! -f "$out/$marker" ]; then
    echo "输出文件夹 $out 不是空的，也不是本脚本以前生成的（没有 $marker 文件），未做任何改动。" >&2
    echo "请换一个新的文件夹，或不给输出目录（默认 dist/$version/）" >&2
    exit 2
  fi
  rm -f -- "$out"/xxgk-*.zip "$out/SHA256SUMS" "$out/$marker"
fi
mkdir -p "$out"
: >"$out/$marker"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mkzip" ./scripts/mkzip

for target in "${targets[@]}"; do
  goos=${target%/*}
  goarch=${target#*/}
  exe=xxgk
  winflag=()
  if [ "$goos" = windows ]; then
    exe=xxgk.exe
    winflag=(-windows)
  fi
  name="xxgk-$version-$goos-$goarch"
  echo "== $name"
  mkdir -p "$work/$name"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath \
    -ldflags "-s -w -X main.version=$version -X main.commit=$commit -X main.date=$date" \
    -o "$work/$name/$exe" ./cmd/xxgk
  "$work/mkzip" -o "$out/$name.zip" -readme scripts/使用说明.txt -version "$version" \
    -platform "$target" -mtime "$epoch" "${winflag[@]}" "$work/$name/$exe"
done

(
  cd "$out"
  if command -v sha256sum >/dev/null; then
    sha256sum -- *.zip >SHA256SUMS
  else
    shasum -a 256 -- *.zip >SHA256SUMS
  fi
)
echo "已生成 $out："
ls -l "$out"
