//! The worker (`app/worker`, its own wasm: DXF import, drawing and printed sheets, share
//! links, repairs of broken files), started on first use, so its code stays out of the
//! page's first download. Requests are answered one at a time, in the order asked, on each of
//! two lanes (a quick worker, and a second one for searches that take seconds: [`Lane`]);
//! replies are JSON (see `madori_worker`'s protocol).

use leptos::prelude::{set_timeout_with_handle, StoredValue, TimeoutHandle};
use leptos::prelude::{GetValue, SetValue, UpdateValue};
use serde_json::Value;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// The worker's answer: its `ok` part, or its error words `(ja, en)`.
pub type Reply = Result<Value, (String, String)>;

/// Asks the worker a moment after the last call; a newer call supersedes an older one (its
/// timer is cleared, its answer dropped). For views that follow the plan (the drawing view,
/// the comparison, the explainer) and searches the user may start again or stop (the
/// capacity suggestions), so no stale answer ever shows.
#[derive(Clone, Copy)]
pub struct Latest {
    lane: Lane,
    asked: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Latest {
    /// A new asker on the quick lane, owned by the reactive owner it is made in.
    pub fn new() -> Self {
        Self::on(Lane::Quick)
    }

    /// A new asker on `lane`.
    pub fn on(lane: Lane) -> Self {
        Self {
            lane,
            asked: StoredValue::new(0),
            timer: StoredValue::new(None),
        }
    }

    /// Drops the answer of whatever was asked so far (and a question not yet sent).
    pub fn forget(self) {
        self.asked.update_value(|n| *n += 1);
        if let Some(old) = self.timer.get_value() {
            old.clear();
        }
    }

    /// `delay` from now, asks the request `make` builds then (with its bytes) and hands the
    /// answer to `answer`, unless `ask_later` or [`Latest::forget`] was called meanwhile.
    pub fn ask_later(
        self,
        delay: Duration,
        make: impl FnOnce() -> (Value, Vec<u8>) + 'static,
        answer: impl FnOnce(Reply) + 'static,
    ) {
        self.forget();
        let ticket = self.asked.get_value();
        let handle = set_timeout_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    let (request, bytes) = make();
                    let reply = ask_on(self.lane, &request, &bytes).await;
                    if self.asked.get_value() == ticket {
                        answer(reply);
                    }
                });
            },
            delay,
        );
        self.timer.set_value(handle.ok());
    }
}

impl Default for Latest {
    fn default() -> Self {
        Self::new()
    }
}

/// The worker's script (`public/worker.js`), which starts the `madori-worker` binary.
const WORKER_SCRIPT: &str = "./worker.js";

/// Which worker answers: the quick one (drawing view, ghosts, comparison, print, import) or a
/// second one for searches that may take seconds on a large plan (the capacity
/// suggestions), so a drag's ghosts never wait behind a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// Answers in milliseconds to a fraction of a second.
    Quick,
    /// May take seconds.
    Long,
}

impl Lane {
    fn index(self) -> usize {
        match self {
            Self::Quick => 0,
            Self::Long => 1,
        }
    }
}

thread_local! {
    static WORKER: std::cell::RefCell<[Option<web_sys::Worker>; 2]> = const { std::cell::RefCell::new([None, None]) };
    /// Per lane, settles when the last request asked so far has its reply: the next one
    /// waits for it.
    static LAST: std::cell::RefCell<[Option<js_sys::Promise>; 2]> = const { std::cell::RefCell::new([None, None]) };
    /// Per lane, ends the request being answered with an error ([`stop`]).
    static ABORT: std::cell::RefCell<[Option<js_sys::Function>; 2]> = const { std::cell::RefCell::new([None, None]) };
}

/// Stops the lane's worker in the middle of a request (a search the user no longer wants):
/// the request ends with an error, the next one starts a new worker.
pub fn stop(lane: Lane) {
    if let Some(worker) = WORKER.with(|w| w.borrow_mut()[lane.index()].take()) {
        worker.terminate();
    }
    if let Some(abort) = ABORT.with(|a| a.borrow_mut()[lane.index()].take()) {
        let _ = abort.call0(&JsValue::NULL);
    }
}

/// The lane's worker, started (and its wasm downloaded) on first use; it says "ready" once
/// it listens, because a message sent before that would be lost.
async fn worker(lane: Lane) -> Result<web_sys::Worker, String> {
    if let Some(worker) = WORKER.with(|w| w.borrow()[lane.index()].clone()) {
        return Ok(worker);
    }
    let worker = web_sys::Worker::new(WORKER_SCRIPT)
        .map_err(|_| "the import worker could not start".to_owned())?;
    let ready = js_sys::Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    });
    wasm_bindgen_futures::JsFuture::from(ready)
        .await
        .map_err(|_| "the import worker could not start".to_owned())?;
    WORKER.with(|w| w.borrow_mut()[lane.index()] = Some(worker.clone()));
    Ok(worker)
}

/// Sends one request to the quick worker and waits for its reply: the reply's `ok` part, or
/// its error words `(ja, en)`. A request asked while another is out waits for that one's
/// reply (the worker answers through one message handler, so replies are told apart by
/// order).
pub async fn ask(request: &Value, bytes: &[u8]) -> Reply {
    ask_on(Lane::Quick, request, bytes).await
}

/// [`ask`] on a lane.
pub async fn ask_on(lane: Lane, request: &Value, bytes: &[u8]) -> Reply {
    let mut done = None;
    let mine = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
    let before = LAST.with(|last| last.borrow_mut()[lane.index()].replace(mine));
    if let Some(before) = before {
        let _ = wasm_bindgen_futures::JsFuture::from(before).await;
    }
    let reply = ask_now(lane, request, bytes).await;
    if let Some(done) = done {
        let _ = done.call0(&JsValue::NULL);
    }
    reply
}

async fn ask_now(lane: Lane, request: &Value, bytes: &[u8]) -> Reply {
    let failed = |why: &str| {
        (
            format!("作業用のワーカーが応えません ({why})"),
            format!("the worker did not answer ({why})"),
        )
    };
    let worker = worker(lane).await.map_err(|e| failed(&e))?;
    let reply = js_sys::Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
        ABORT.with(|a| a.borrow_mut()[lane.index()] = Some(reject.clone()));
    });
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("request"),
        &JsValue::from_str(&request.to_string()),
    );
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("bytes"),
        &js_sys::Uint8Array::from(bytes),
    );
    worker.post_message(&message).map_err(|_| failed("post"))?;
    let event = wasm_bindgen_futures::JsFuture::from(reply).await;
    ABORT.with(|a| a.borrow_mut()[lane.index()].take());
    let event = event.map_err(|_| {
        // A worker that failed (e.g. out of memory) is replaced on the next request.
        WORKER.with(|w| w.borrow_mut()[lane.index()].take());
        failed("the import worker stopped")
    })?;
    let text = js_sys::Reflect::get(&event, &JsValue::from_str("data"))
        .ok()
        .and_then(|d| d.as_string())
        .ok_or_else(|| failed("no reply"))?;
    let value: Value = serde_json::from_str(&text).map_err(|_| failed("bad reply"))?;
    match value.get("err") {
        Some(err) => Err((
            err["ja"].as_str().unwrap_or_default().to_owned(),
            err["en"].as_str().unwrap_or_default().to_owned(),
        )),
        None => Ok(value["ok"].clone()),
    }
}
