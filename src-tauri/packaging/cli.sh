#!/usr/bin/env bash
# Run by `tauri build` before it bundles (build.beforeBundleCommand): builds
# clausewise-cli with the same profile as the app and stages it, its manual
# pages and its bash, zsh and fish completions in target/packaging, from where
# the .deb and .rpm take them (bundle.linux.*.files in tauri.conf.json).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [ "${TAURI_ENV_DEBUG:-false}" = true ]; then
  profile=debug
  cargo build -p clausewise-cli --locked --quiet
else
  profile=release
  cargo build -p clausewise-cli --locked --quiet --release
fi
cli="$ROOT/target/$profile/clausewise-cli"

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
