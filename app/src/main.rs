//! Entry point for Trunk: mounts the app.

fn main() {
    madori_app::mount();
}
