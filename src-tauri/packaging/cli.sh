#!/usr/bin/env bash
# Run by `tauri build` and `tauri bundle` before they bundle
# (build.beforeBundleCommand): builds clausewise-cli with the same profile as
# the app and stages it, its manual pages and its bash, zsh and fish
# completions in target/packaging, from where the .deb and .rpm take them
# (bundle.linux.*.files in tauri.conf.json).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [ "${TAURI_ENV_DEBUG:-false}" = true ]; then
  profile=debug
  build=(cargo build -p clausewise-cli --locked --quiet)
else
  profile=release
  build=(cargo build -p clausewise-cli --locked --quiet --release)
fi
# CLAUSEWISE_CLI_BUILT=1: the CLI of this profile is built already, with
# the app (`tauri bundle` after a build of the whole workspace); building it
# alone would resolve its dependencies' features anew and compile them again.
if [ "${CLAUSEWISE_CLI_BUILT:-}" != 1 ]; then
  "${build[@]}"
fi
cli="$ROOT/target/$profile/clausewise-cli"
[ -x "$cli" ] || { echo "$cli is missing: build it with \`${build[*]}\`" >&2; exit 1; }

stage="$ROOT/target/packaging"
rm -rf "$stage"
mkdir -p "$stage/man" "$stage/completions"
cp "$cli" "$stage/clausewise-cli"
"$cli" manpages "$stage/man" > /dev/null
# Debian policy and rpm both install manual pages compressed.
gzip -9n "$stage"/man/*.1
"$cli" completions bash > "$stage/completions/clausewise-cli"
"$cli" completions zsh > "$stage/completions/_clausewise-cli"
"$cli" completions fish > "$stage/completions/clausewise-cli.fish"
echo "Staged clausewise-cli $("$cli" --version | cut -d' ' -f2) ($profile) with $(ls "$stage/man" | wc -l) manual pages"
