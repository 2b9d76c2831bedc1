//! The worker's entry: takes `{request, bytes}` messages from the page and posts back
//! the reply text ([`madori_worker::respond`]). Runs in its own thread and wasm, so
//! a large drawing never blocks the page and this code is downloaded only when used.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let field = |key: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
            };
            let request = field("request").as_string().unwrap_or_default();
            let bytes = js_sys::Uint8Array::new(&field("bytes")).to_vec();
            let reply = madori_worker::respond(&request, &bytes);
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its handler.
    on_message.forget();
    // Messages sent before the handler existed would be lost: the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
