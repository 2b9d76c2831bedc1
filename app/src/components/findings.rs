//! The findings panel: grouped by status, each row with its formula, hint and citation.
//! Clicking a row highlights the rooms it names.

use crate::i18n::{pick, status_label, t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_rules::Status;

/// The findings panel.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let groups = move || {
        let report = state.report.get();
        let l = lang.get();
        Status::ALL
            .into_iter()
            .filter(|s| report.count(*s) > 0)
            .map(|status| {
                let rows = report
                    .findings
                    .iter()
                    .filter(|f| f.status == status)
                    .map(|f| {
                        let ids = f.element_ids.clone();
                        let selected = {
                            let ids = ids.clone();
                            move || !ids.is_empty() && state.highlighted.with(|h| *h == ids)
                        };
                        view! {
                            <li
                                class="finding"
                                class:selected=selected
                                data-testid="finding-row"
                                data-rule=f.rule_id
                                data-status=status.as_str()
                                on:click=move |_| state.highlighted.set(ids.clone())
                            >
                                <div class="finding-head">
                                    <code>{f.rule_id}</code>
                                    " "
                                    <span>{pick(l, f.message_ja(), f.message_en()).to_owned()}</span>
                                </div>
                                <div class="formula" title=t(l, Key::Formula)>{f.formula().to_owned()}</div>
                                {(!f.hint().is_empty()).then(|| view! {
                                    <div class="hint">"→ " {pick(l, f.hint(), f.hint_en()).to_owned()}</div>
                                })}
                                <details class="citation">
                                    <summary>{t(l, Key::Source)}</summary>
                                    {f.citation}
                                </details>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class=format!("group status-{}", status.as_str()) data-testid=format!("findings-{}", status.as_str())>
                        <h3>{status_label(l, status)} " " <span class="count">{report.count(status)}</span></h3>
                        <ul>{rows}</ul>
                    </section>
                }
            })
            .collect_view()
    };
    let values = move || {
        let report = state.report.get();
        report
            .profile
            .params
            .iter()
            .map(|p| {
                view! {
                    <tr>
                        <td><code>{p.name}</code></td>
                        <td class="num">{madori_rules::report::num(p.value, 4)} " " {p.unit}</td>
                        <td>{p.source.clone()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <aside class="findings" data-testid="findings-panel">
            <h2>{move || t(lang.get(), Key::Findings)}</h2>
            {groups}
            <details class="values" data-testid="values-used">
                <summary>{move || t(lang.get(), Key::ValuesUsed)}</summary>
                <table>{values}</table>
            </details>
        </aside>
    }
}
