#!/usr/bin/env bash
# A dues column for a generated roster inside a dataframe (pyarrow + numpy) through the columnar entry of the
# Python binding. Builds the library and generates the Python module (as tests/python does), installs the
# example's venv (venv.sh), then runs dues_column.py with the arguments given:
#
#   bash examples/dataframe/run.sh                         # 10 M members
#   bash examples/dataframe/run.sh --members 200000 --seed 7 --month 2016-06
set -euo pipefail
FFI_SUITE=dataframe
FFI_SUMMARY=0
# shellcheck source-path=SCRIPTDIR source=../../tests/lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/lib/ffi.sh"

ffi_build
ffi_generate python
cp "$FFI_LIB" "$FFI_GEN/python/"
python=$(bash "$FFI_ROOT/examples/dataframe/venv.sh")
log "dues_column.py $*"
PYTHONPATH="$FFI_GEN/python" PYTHONDONTWRITEBYTECODE=1 "$python" "$FFI_ROOT/examples/dataframe/dues_column.py" "$@"
