#!/usr/bin/env bash
# Unit tests of the Kong apikey-auth plugin (kong/plugins/apikey-auth) with busted, against a
# recorded fake of Kong's PDK (kong/spec/fake_kong.lua). Kong itself is not needed.
# Installs what is missing on Debian/Ubuntu (as root, non-interactively): lua-busted, luajit.
# Runs under LuaJIT, the interpreter Kong runs on. Exit status: busted's (non-zero on failure).
set -euo pipefail
cd "$(dirname "$0")/../kong"

missing=()
command -v busted >/dev/null 2>&1 || missing+=(lua-busted)
command -v luajit >/dev/null 2>&1 || missing+=(luajit)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: ${missing[*]} (install them, or run as root on Debian/Ubuntu)" >&2
    exit 2
  fi
  echo "installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --output=TAP would list each case; the default prints the summary line
# "<n> successes / <n> failures / <n> errors / <n> pending".
exec busted --lua="$(command -v luajit)" "$@"
