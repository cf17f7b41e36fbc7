# Installs whatever is missing to build, run and test Clausewise on
# Debian/Ubuntu. Sourced by .ci/start and .ci/test; safe to run repeatedly.
#   CLAUSEWISE_SETUP_TESTS=1  also installs the end-to-end test tools.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_PACKAGES=(
  build-essential curl file pkg-config patchelf
  libwebkit2gtk-4.1-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
)
if [ "${CLAUSEWISE_SETUP_TESTS:-0}" = 1 ]; then
  # CJK fonts for the report's font fallback tests; man-db to read the
  # packaged manual pages.
  APT_PACKAGES+=(xvfb xauth webkit2gtk-driver rpm man-db fonts-wqy-microhei fonts-droid-fallback)
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The UI toolchain (Vite 8) needs Node.js 20.19 or newer; Debian 12 and
# Ubuntu 24.04 ship 18. Then install the current LTS with `n` (from npm).
node_ok() {
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'
}
if ! node_ok; then
  say "Node.js $(node --version) is too old; installing the current LTS"
  as_root npm install -g n --silent
  as_root env N_PREFIX=/usr/local n lts >/dev/null
  hash -r
  if ! node_ok; then
    echo "Clausewise needs Node.js 20.19 or newer; this machine has $(node --version)." >&2
    exit 1
  fi
fi

if ! command -v cargo >/dev/null 2>&1; then
  say "Installing the Rust toolchain (rustup)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
fi

if [ "${CLAUSEWISE_SETUP_TESTS:-0}" = 1 ] && ! command -v tauri-driver >/dev/null 2>&1; then
  say "Installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

# npm packages: only when the lock file changed since the last install.
stamp="$ROOT/ui/node_modules/.clausewise-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/ui/package-lock.json" "$stamp"; then
  say "Installing UI packages"
  (cd "$ROOT/ui" && npm ci --no-fund --no-audit --loglevel=error)
  cp "$ROOT/ui/package-lock.json" "$stamp"
fi
