#!/usr/bin/env bash
# Sourced by the scripts that need Debian packages: install_missing PACKAGE... installs the given
# packages with apt (as root, non-interactively, one 'apt-get update' per run), or explains what
# to install and returns 2 where that is not possible.
install_missing() {
  (($#)) || return 0
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: $* (install them, or run as root on Debian/Ubuntu)" >&2
    return 2
  fi
  echo "installing $* ..."
  export DEBIAN_FRONTEND=noninteractive
  if [[ -z ${APT_UPDATED:-} ]]; then
    apt-get update -qq || return 2
    export APT_UPDATED=1
  fi
  apt-get install -y -qq "$@" >/dev/null || return 2
}
