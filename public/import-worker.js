// Starts the DXF import worker (app/worker): Trunk writes its wasm-bindgen glue as
// madori-import.js (a no-modules script defining `wasm_bindgen`) and its wasm beside it.
importScripts('./madori-import.js');
wasm_bindgen({ module_or_path: './madori-import_bg.wasm' });
