#!/usr/bin/env bash
# The example's Python environment: a venv under the cargo target dir (git-ignored) with pyarrow and numpy at
# pinned versions, installed with pip from the Python package registry the first time. Prints the venv's
# python on stdout; progress on stderr. Exits non-zero when the packages cannot be installed (no network).
#
#   bash examples/dataframe/venv.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ $TARGET == /* ]] || TARGET="$ROOT/$TARGET"
VENV="${DANGJIAN_TOOLS_DIR:-$TARGET/tools}/dataframe-venv"
# Pinned: the versions the example was written and measured with.
PACKAGES=(pyarrow==26.0.1 numpy==2.4.6)

if ! "$VENV/bin/python" -c 'import pyarrow, numpy' 2>/dev/null; then
    echo "[dataframe] creating $VENV and installing ${PACKAGES[*]} (pip)" >&2
    python3 -m venv "$VENV" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PACKAGES[@]}" >&2
fi
echo "$VENV/bin/python"
