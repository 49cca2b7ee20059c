//! The UniFFI bindings generator, pinned to the same UniFFI version as the
//! library: `cargo run --features cli --bin uniffi-bindgen -- generate --library …`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
