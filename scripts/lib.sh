# shellcheck shell=bash
#: Shared by the scripts (sourced, not run): installing missing Debian packages, the WebDriver
#: pieces the end-to-end tests and screenshots need, the build directory, and the app binary.
#: A private X display is `scripts/with-xvfb`, a wrapper like with-keyring and with-postgres.

# The tauri-driver version the end-to-end tests are run with.
TAURI_DRIVER_VERSION=2.1.0

# Installs those of the Debian packages named that are missing (as root, or with sudo).
ensure_packages() {
  local missing=() package sudo=""
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# WebKitWebDriver (Debian's webkit2gtk-driver) and tauri-driver at the pinned version.
ensure_webdriver() {
  ensure_packages webkit2gtk-driver
  if ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
    cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
  fi
}

# axe-core, the accessibility checker the end-to-end tests inject into every screen (npm's
# package at a pinned version, checked against its published sha512; never shipped). Exports
# VIGIL_AXE_JS naming axe.min.js.
AXE_VERSION=4.14.1
AXE_SHA512=FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==
ensure_axe() {
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/vigil/tools/axe-core-$AXE_VERSION"
  if [ ! -s "$dir/axe.min.js" ]; then
    mkdir -p "$dir"
    /usr/bin/python3 - "$AXE_VERSION" "$AXE_SHA512" "$dir" <<'PY'
import base64, hashlib, io, sys, tarfile, urllib.request
version, sha512, out = sys.argv[1:]
url = f"https://registry.npmjs.org/axe-core/-/axe-core-{version}.tgz"
data = urllib.request.urlopen(url, timeout=120).read()
if base64.b64encode(hashlib.sha512(data).digest()).decode() != sha512:
    sys.exit(f"{url} does not match its published sha512")
with tarfile.open(fileobj=io.BytesIO(data)) as tar:
    for name in ("axe.min.js", "LICENSE"):
        with open(f"{out}/{name}", "wb") as f:
            f.write(tar.extractfile(f"package/{name}").read())
PY
  fi
  export VIGIL_AXE_JS="$dir/axe.min.js"
}

# A free TCP port on 127.0.0.1, for a service a script starts.
free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The build directory: CARGO_TARGET_DIR, or target/ in the repository.
target_dir() {
  echo "${CARGO_TARGET_DIR:-$PWD/target}"
}

# Builds vigil-app (debug; release with --release) and exports VIGIL_APP_BIN naming it.
build_app() {
  if [ "${1:-}" = "--release" ]; then
    cargo build --release --locked -q -p vigil-app
    VIGIL_APP_BIN="$(target_dir)/release/vigil-app"
  else
    cargo build --locked -q -p vigil-app
    VIGIL_APP_BIN="$(target_dir)/debug/vigil-app"
  fi
  export VIGIL_APP_BIN
}
