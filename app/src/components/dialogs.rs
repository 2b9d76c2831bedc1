//! The dialogs about files: a file's problems (with the offer to open it repaired), the
//! question before unsaved changes are replaced, and the repairs made. They show rarely, so
//! their code loads on demand, the first time one is needed.

use crate::i18n::{t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_plan::Plan;

/// The file dialogs, while one has something to show.
pub fn file_dialogs(state: AppState) -> impl IntoView {
    let needed = move || {
        state.file_problems.with(|p| !p.is_empty())
            || state.pending.with(Option::is_some)
            || state.file_repairs.with(|r| !r.is_empty())
    };
    crate::on_demand::on_demand_view(needed, state, dialogs)
}

on_demand! {
    chunk files;
    /// The dialogs' code.
    pub fn dialogs() -> crate::on_demand::Build<AppState> {
        |state| view! { <FileDialogs state=state /> }.into_any()
    }
}

/// A file's problems, the question over unsaved changes, and the repairs made.
#[component]
fn FileDialogs(state: AppState) -> impl IntoView {
    let lang = state.lang;
    view! {
            {move || {
                let problems = state.file_problems.get();
                (!problems.is_empty()).then(|| {
                    let l = lang.get();
                    view! {
                        <div class="file-problems" data-testid="file-problems" role="alert">
                            <strong>{t(l, Key::FileProblems)} {format!(" ({})", problems.len())}</strong>
                            <ul>
                                {problems.iter().map(|p| view! {
                                    <li class:repairable=p.repairable><code>{p.path.clone()}</code> " " {crate::i18n::pick(l, &p.message_ja, &p.message_en).to_owned()}</li>
                                }).collect_view()}
                            </ul>
                            {move || state.refused_text.with(Option::is_some).then(|| {
                                let fixable = state.file_problems.with(|p| p.iter().filter(|p| p.repairable).count());
                                view! {
                                    <p class="hint">{t(lang.get(), Key::RepairOffer)}</p>
                                    <button data-testid="open-repaired" on:click=move |_| crate::file::open_repaired(state)>
                                        {format!("{} ({fixable})", t(lang.get(), Key::OpenRepaired))}
                                    </button>
                                }
                            })}
                            <button data-testid="close-file-problems" on:click=move |_| { state.file_problems.set(Vec::new()); state.refused_text.set(None); }>{t(l, Key::Close)}</button>
                        </div>
                    }
                })
            }}
            {move || state.pending.with(Option::is_some).then(|| {
                let l = lang.get();
                let open_pending = move || {
                    if let Some(plan) = state.pending.get_untracked() {
                        state.open(Plan::clone(&plan));
                    }
                };
                view! {
                    <div class="file-problems unsaved" data-testid="unsaved-dialog" role="alertdialog">
                        <strong>{t(l, Key::UnsavedChanges)}</strong>
                        <p>{t(l, Key::UnsavedAsk)}</p>
                        <button data-testid="save-then-open" on:click=move |_| {
                            leptos::task::spawn_local(async move {
                                if crate::file::saved(state).await {
                                    open_pending();
                                }
                            });
                        }>{t(l, Key::SaveThenOpen)}</button>
                        <button data-testid="discard-and-open" on:click=move |_| open_pending()>{t(l, Key::DiscardAndOpen)}</button>
                        <button data-testid="cancel-replace" on:click=move |_| state.pending.set(None)>{t(l, Key::Cancel)}</button>
                    </div>
                }
            })}
            {move || {
                let repairs = state.file_repairs.get();
                (!repairs.is_empty()).then(|| {
                    let l = lang.get();
                    view! {
                        <div class="file-problems repairs" data-testid="file-repairs" role="status">
                            <strong>{format!("{} ({})", t(l, Key::Repaired), repairs.len())}</strong>
                            <ul>
                                {repairs.iter().map(|r| view! {
                                    <li><code>{r.path.clone()}</code> " " {crate::i18n::pick(l, &r.message_ja, &r.message_en).to_owned()}</li>
                                }).collect_view()}
                            </ul>
                            <button data-testid="close-file-repairs" on:click=move |_| state.file_repairs.set(Vec::new())>{t(l, Key::Close)}</button>
                        </div>
                    }
                })
            }}
    }
}
