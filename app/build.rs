//! The split release build (feature `split`) keeps the linker's relocations in the wasm, so
//! `wasm-split-cli` can follow every call and move what only a split point reaches into its
//! chunk (see scripts/build-app.sh).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
