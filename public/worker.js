// Starts the worker (app/worker: DXF import, drawing sheets): Trunk writes its wasm-bindgen
// glue as madori-worker.js (a no-modules script defining `wasm_bindgen`) and its wasm beside it.
importScripts('./madori-worker.js');
wasm_bindgen({ module_or_path: './madori-worker_bg.wasm' });
