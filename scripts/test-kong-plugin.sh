#!/usr/bin/env bash
# Unit tests of the Kong apikey-auth plugin (kong/plugins/apikey-auth) with busted, against a
# recorded fake of Kong's PDK (kong/spec/fake_kong.lua). Kong itself is not needed.
# Installs what is missing on Debian/Ubuntu (as root, non-interactively): lua-busted, luajit.
# Runs under LuaJIT, the interpreter Kong runs on. Exit status: busted's (non-zero on failure).
set -euo pipefail
cd "$(dirname "$0")/../kong"

source ../scripts/apt-install.sh
missing=()
command -v busted >/dev/null 2>&1 || missing+=(lua-busted)
command -v luajit >/dev/null 2>&1 || missing+=(luajit)
install_missing "${missing[@]}" || exit 2

# --output=TAP would list each case; the default prints the summary line
# "<n> successes / <n> failures / <n> errors / <n> pending".
exec busted --lua="$(command -v luajit)" "$@"
