# shellcheck shell=bash
# One npm package of build-npm.sh (sourced by it, after tests/lib/wasm.sh, with `version`, `pack` set):
# build_package NAME builds the crate with the package's features and lays out target/npm/<package>/.

# The cargo target dir of a package: the full package in target/ (the test suites' wasm-bindgen-test build
# shares its dependencies), each cut in its own.
package_target_dir() {
  case "$1" in full) echo "$WASM_ROOT/target" ;; *) echo "$WASM_ROOT/target/wasm-$1" ;; esac
}

# A cut's first build starts from the full package's compiled dependencies (the same profile and flags: only
# dangjian-wasm's own features differ), copied once, instead of compiling them all again.
seed_target_dir() {
  local dir="$1" from="$WASM_ROOT/target"
  [[ "$dir" != "$from" && ! -d "$dir/$WASM_TARGET/$WASM_PROFILE" && -d "$from/$WASM_TARGET/$WASM_PROFILE" ]] || return 0
  wasm_log "seeding $dir from the full package's build (its dependencies)"
  mkdir -p "$dir/$WASM_TARGET"
  [[ ! -d "$from/$WASM_PROFILE" ]] || cp -a "$from/$WASM_PROFILE" "$dir/"
  cp -a "$from/$WASM_TARGET/$WASM_PROFILE" "$dir/$WASM_TARGET/"
}

# Rust 1.95's wasm32 output uses these features by default (wasm-opt also reads them from the module's
# target_features section); then drop the sections the final file does not need.
WASM_OPT_FLAGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue
  --strip-debug --strip-producers --strip-target-features)

build_package() {
  local name="$1" pkg_name pkg target_dir raw features stamp_file stamp
  pkg_name="$(wasm_package_npm_name "$name")"
  pkg="$WASM_NPM_OUT/$pkg_name"
  target_dir="$(package_target_dir "$name")"
  raw="$target_dir/$WASM_TARGET/$WASM_PROFILE/dangjian_wasm.wasm"
  read -r -a features < <(wasm_package_features "$name")
  seed_target_dir "$target_dir"
  wasm_log "$pkg_name: cargo build --profile $WASM_PROFILE --target $WASM_TARGET -p $WASM_CRATE ${features[*]}"
  cargo build --profile "$WASM_PROFILE" --target "$WASM_TARGET" -p "$WASM_CRATE" \
    --target-dir "$target_dir" "${features[@]}" >&2
  [[ -f "$raw" ]] || wasm_die "expected $raw after the build"

  stamp_file="$WASM_NPM_OUT/.stamp-$pkg_name"
  stamp="$(cat "$raw" "$WASM_ROOT/wasm/scripts/build-npm.sh" "$WASM_ROOT/wasm/scripts/lib-package.sh" \
    "$WASM_ROOT/tests/lib/wasm.sh" "$WASM_ROOT/wasm/README.npm.md" | sha256sum | cut -d' ' -f1) $version"
  if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" && -f "$pkg/package.json" ]]; then
    wasm_log "$pkg_name: up to date (same wasm and pipeline): skipping wasm-bindgen and wasm-opt"
    return 0
  fi
  rm -rf "$pkg" "$stamp_file"
  bindgen_web "$pkg_name" "$raw"
  [[ $name == payroll ]] || bindgen_node "$pkg_name" "$raw"
  optimise "$pkg_name"
  write_package_json "$name" "$pkg_name" >"$pkg/package.json"
  cp "$WASM_ROOT/wasm/README.npm.md" "$pkg/README.md"
  # Lets tests and the type check import the package by name from target/npm/ (exercises `exports`).
  mkdir -p "$WASM_NPM_OUT/node_modules"
  ln -sfn "../$pkg_name" "$WASM_NPM_OUT/node_modules/$pkg_name"
  printf '%s\n' "$stamp" >"$stamp_file"
}

# The web flavour (ES module, `await init()` or `initSync`) and the package's one .wasm.
bindgen_web() {
  local out="$WASM_NPM_OUT/$1/web"
  wasm_log "$1: wasm-bindgen --target web"
  wasm-bindgen --target web --out-dir "$out" "$2"
  printf '{ "type": "module" }\n' >"$out/package.json"
}

# wasm-opt over the package's one .wasm.
optimise() {
  local f="$WASM_NPM_OUT/$1/web/dangjian_wasm_bg.wasm"
  wasm_log "$1: wasm-opt ${WASM_OPT_FLAGS[0]} web/dangjian_wasm_bg.wasm"
  wasm-opt "${WASM_OPT_FLAGS[@]}" "$f" -o "$f.opt"
  mv "$f.opt" "$f"
}

# The Node flavour (CommonJS, loads itself on require), reading the web flavour's .wasm. Its own module from
# wasm-bindgen must equal the web flavour's (the same imports and exports, so either glue drives either file):
# checked here before it is dropped, so a wasm-bindgen that ever made them differ fails the build.
bindgen_node() {
  local web="$WASM_NPM_OUT/$1/web" out="$WASM_NPM_OUT/$1/node"
  wasm_log "$1: wasm-bindgen --target nodejs (glue only: it loads ../web/dangjian_wasm_bg.wasm)"
  wasm-bindgen --target nodejs --out-dir "$out" "$2"
  cmp -s "$web/dangjian_wasm_bg.wasm" "$out/dangjian_wasm_bg.wasm" ||
    wasm_die "$1: the nodejs and web modules from wasm-bindgen differ; the Node glue cannot share the web .wasm"
  rm -f "$out/dangjian_wasm_bg.wasm" "$out/dangjian_wasm_bg.wasm.d.ts"
  local from='${__dirname}/dangjian_wasm_bg.wasm' to='${__dirname}/../web/dangjian_wasm_bg.wasm'
  [[ "$(grep -cF "$from" "$out/dangjian_wasm.js")" == 1 ]] ||
    wasm_die "$1: the nodejs glue does not name its .wasm once as $from"
  sed -i "s|$from|$to|" "$out/dangjian_wasm.js"
  printf '{ "type": "commonjs" }\n' >"$out/package.json"
}

# package.json: the payroll package is web only; the others resolve Node to the CommonJS glue, browsers and
# bundlers to the ES module, both over web/dangjian_wasm_bg.wasm.
write_package_json() {
  local name="$1" pkg_name="$2" description
  case "$name" in
    full) description="Rules core for Chinese party-building apps (dues, membership, learning credits, disclosure), compiled to WebAssembly." ;;
    payroll) description="The dangjian package's exports plus readPayroll (payroll exports read as the CLI reads them), for browsers." ;;
    *) description="The $name engine of the dangjian rules core alone (with Policy, Calendar and the code registry), compiled to WebAssembly." ;;
  esac
  if [[ $name == payroll ]]; then
    cat <<JSON
{
  "name": "$pkg_name",
  "version": "$version",
  "description": "$description",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "sideEffects": false,
  "module": "./web/dangjian_wasm.js",
  "types": "./web/dangjian_wasm.d.ts",
  "exports": {
    ".": { "types": "./web/dangjian_wasm.d.ts", "default": "./web/dangjian_wasm.js" },
    "./web/dangjian_wasm_bg.wasm": "./web/dangjian_wasm_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["web/", "README.md"]
}
JSON
    return 0
  fi
  cat <<JSON
{
  "name": "$pkg_name",
  "version": "$version",
  "description": "$description",
  "license": "MIT OR Apache-2.0",
  "keywords": ["wasm", "party-building", "dues", "党建", "党费"],
  "sideEffects": false,
  "main": "./node/dangjian_wasm.js",
  "module": "./web/dangjian_wasm.js",
  "types": "./node/dangjian_wasm.d.ts",
  "exports": {
    ".": {
      "browser": { "types": "./web/dangjian_wasm.d.ts", "default": "./web/dangjian_wasm.js" },
      "node": { "types": "./node/dangjian_wasm.d.ts", "default": "./node/dangjian_wasm.js" },
      "import": { "types": "./web/dangjian_wasm.d.ts", "default": "./web/dangjian_wasm.js" },
      "require": { "types": "./node/dangjian_wasm.d.ts", "default": "./node/dangjian_wasm.js" }
    },
    "./web": { "types": "./web/dangjian_wasm.d.ts", "default": "./web/dangjian_wasm.js" },
    "./node": { "types": "./node/dangjian_wasm.d.ts", "default": "./node/dangjian_wasm.js" },
    "./web/dangjian_wasm_bg.wasm": "./web/dangjian_wasm_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["web/", "node/", "README.md"]
}
JSON
}
