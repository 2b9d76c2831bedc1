//! The printed sheets as HTML, in both languages, for the page to insert
//! (`app/src/components/print.rs`): each storey's 平面図 at exact scale with its title block
//! (or why it does not fit the paper), the 求積表 and the findings report. They are written
//! here, in the worker, because only a visit that prints needs them: the drawing, the 求積表
//! model (`madori_rules::area_table`) and this markup stay out of the page's first download.
//!
//! The plan's own check settings decide the profile (`madori_rules::profile::resolve`, as
//! the page does), so the report is the one on screen: same findings, words and capacity.
//! Every text from the plan or the rules is escaped.

pub use madori_drawing::svg::escape;
use madori_drawing::{AreaBasis, DrawingOptions, Scale, SvgOptions};
use madori_plan::Plan;
use madori_rules::area_table::{area_table, AreaSum};
use madori_rules::profile::{self, Profile};
use madori_rules::{Capacity, Report, Status};
use std::fmt::Write;

/// A drawing as SVG with its width and height on paper, mm.
type Svg = (String, f64, f64);

/// A language of the printed sheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Japanese.
    Ja,
    /// English.
    En,
}

impl Lang {
    fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// What both sheets are made from: the plan, its resolved profile, its report and capacity,
/// and the saved state it is compared with, if any.
pub struct Sheets {
    plan: Plan,
    profile: Profile,
    report: Report,
    capacity: Capacity,
    before: Option<Plan>,
}

impl Sheets {
    /// Checks `plan` with the profile its check settings resolve to.
    pub fn new(plan: Plan) -> Self {
        let profile = profile::resolve(plan.check.as_ref(), &plan).profile;
        let report = madori_rules::check(&plan, &profile);
        let capacity = madori_rules::capacity(&plan, &profile);
        Self {
            plan,
            profile,
            report,
            capacity,
            before: None,
        }
    }

    /// Compares the plan with saved state `index` (`Plan::variants`): every 平面図 is marked
    /// with the walls taken out (dashed) and added (hatched), and the two are printed side by
    /// side at the same scale, a sheet per storey. `None` when there is no such state.
    pub fn compared_with(mut self, index: usize) -> Option<Self> {
        self.before = Some(madori_plan::variant_plan(&self.plan, index)?);
        Some(self)
    }

    /// Every sheet: a 平面図 per storey at `scale` (one that would not fit `room`, the paper's
    /// width and height in mm left for the drawing, gets a note instead of being shrunk),
    /// then the 求積表 and the findings report, each with its title block dated `today` (the
    /// page's local date).
    pub fn html(&self, l: Lang, today: &str, scale: Scale, room: (f64, f64)) -> String {
        let mut out = String::new();
        let drawings = self.drawings(scale);
        for (storey, svg) in drawings.iter().enumerate() {
            self.plan_sheet(&mut out, l, today, (storey, svg), scale, room);
        }
        if let Some(before) = &self.before {
            let earlier = self.drawings_of(before, scale, None);
            for (storey, after) in drawings.iter().enumerate() {
                let id = &self.plan.storeys[storey].id;
                let old = before.storeys.iter().position(|s| s.id == *id);
                let old = old.and_then(|i| earlier.get(i));
                self.side_by_side(&mut out, l, today, (storey, old, after), scale, room);
            }
        }
        self.area_sheet(&mut out, l, today);
        self.report_sheet(&mut out, l, today);
        out
    }

    /// Each storey's 平面図 at `scale` as SVG with its width and height on paper, mm; marked
    /// against the state compared with, if any.
    pub fn drawings(&self, scale: Scale) -> Vec<Svg> {
        self.drawings_of(&self.plan, scale, self.before.as_ref())
    }

    /// The 平面図 of every storey of `plan` (this plan's profile decides areas and rounding),
    /// marked against `before` when given.
    fn drawings_of(&self, plan: &Plan, scale: Scale, before: Option<&Plan>) -> Vec<Svg> {
        let options = DrawingOptions {
            scale,
            area_basis: if self.profile.value(profile::ParamKey::AreaBasisInterior) >= 0.5 {
                AreaBasis::Interior
            } else {
                AreaBasis::WallCentre
            },
            rounding: self.profile.rounding(),
            ..DrawingOptions::default()
        };
        let denominator = f64::from(scale.denominator());
        (0..plan.storeys.len())
            .map(|storey| {
                let mut drawing = madori_drawing::storey_drawing(plan, storey, &options);
                if let Some(before) = before {
                    madori_drawing::renovation::mark(&mut drawing, before, plan);
                }
                (
                    madori_drawing::svg(&drawing, &SvgOptions::default()),
                    drawing.extent.width() / denominator,
                    drawing.extent.height() / denominator,
                )
            })
            .collect()
    }

    fn plan_sheet(
        &self,
        out: &mut String,
        l: Lang,
        today: &str,
        (storey, (svg, w, h)): (usize, &Svg),
        scale: Scale,
        room: (f64, f64),
    ) {
        let name = &self.plan.storeys[storey].name;
        let n = scale.denominator();
        out.push_str("<section class=\"sheet plan-sheet\" data-testid=\"print-plan-sheet\">");
        if *w <= room.0 && *h <= room.1 {
            let _ = write!(out, "<div class=\"drawing\">{svg}</div>");
        } else {
            let note = match l {
                Lang::Ja => format!("{name} は 1:{n} で {w:.0} × {h:.0} mm になり、用紙に収まりません。大きい用紙か小さい縮尺を選んでください"),
                Lang::En => format!("{name} is {w:.0} × {h:.0} mm at 1:{n} and does not fit the paper: choose a larger paper or a smaller scale"),
            };
            let _ = write!(
                out,
                "<p class=\"does-not-fit\" data-testid=\"print-does-not-fit\">{}</p>",
                escape(&note)
            );
        }
        self.legend(out, l);
        let what = format!("{} {name}", l.pick("平面図", "Floor plan"));
        self.title_block(out, l, &what, today, &format!("1:{n}"));
        out.push_str("</section>");
    }

    /// What the renovation marks mean and what they compare with.
    fn legend(&self, out: &mut String, l: Lang) {
        if let Some(before) = &self.before {
            let text = match l {
                Lang::Ja => format!(
                    "改修 (「{}」から): 破線 = 撤去する壁、ハッチ = 新設する壁",
                    before.name
                ),
                Lang::En => format!(
                    "Renovation (from “{}”): dashed = walls taken out, hatched = new walls",
                    before.name
                ),
            };
            let _ = write!(
                out,
                "<p class=\"renovation-legend\" data-testid=\"print-renovation-legend\">{}</p>",
                escape(&text)
            );
        }
    }

    /// The saved state and the plan side by side at the same scale, one storey: on one sheet
    /// when both fit the paper's width, else each on its own sheet (never shrunk).
    fn side_by_side(
        &self,
        out: &mut String,
        l: Lang,
        today: &str,
        (storey, before, after): (usize, Option<&Svg>, &Svg),
        scale: Scale,
        room: (f64, f64),
    ) {
        let Some(state) = &self.before else { return };
        let name = &self.plan.storeys[storey].name;
        let n = scale.denominator();
        let gap = 10.0;
        let figure = |(svg, _, _): &Svg, caption: &str| {
            format!(
                "<figure class=\"drawing\"><figcaption>{}</figcaption>{svg}</figure>",
                escape(caption)
            )
        };
        let fits = |(_, w, h): &Svg| *w <= room.0 && *h <= room.1;
        let before_caption = state.name.clone();
        let after_caption = l
            .pick("計画 (画面の間取り)", "Proposal (on screen)")
            .to_owned();
        let what = format!("{} {name}", l.pick("改修前後の比較", "Before and after"));
        let Some(before) = before else {
            return;
        };
        if before.1 + gap + after.1 <= room.0 && before.2.max(after.2) <= room.1 {
            let _ = write!(
                out,
                "<section class=\"sheet compare-sheet\" data-testid=\"print-compare-sheet\"><div class=\"side-by-side\">{}{}</div>",
                figure(before, &before_caption),
                figure(after, &after_caption)
            );
            self.legend(out, l);
            self.title_block(out, l, &what, today, &format!("1:{n}"));
            out.push_str("</section>");
            return;
        }
        for (drawing, caption) in [(before, &before_caption), (after, &after_caption)] {
            out.push_str(
                "<section class=\"sheet compare-sheet\" data-testid=\"print-compare-sheet\">",
            );
            if fits(drawing) {
                out.push_str(&figure(drawing, caption));
            } else {
                let note = match l {
                    Lang::Ja => format!("{caption} の {name} は 1:{n} で用紙に収まりません"),
                    Lang::En => format!("{caption}: {name} does not fit the paper at 1:{n}"),
                };
                let _ = write!(out, "<p class=\"does-not-fit\">{}</p>", escape(&note));
            }
            self.legend(out, l);
            self.title_block(out, l, &what, today, &format!("1:{n}"));
            out.push_str("</section>");
        }
    }

    /// The title block: plan name, drawing, scale, date, profile.
    fn title_block(&self, out: &mut String, l: Lang, what: &str, today: &str, scale: &str) {
        let _ = write!(
            out,
            "<table class=\"title-block\" data-testid=\"title-block\"><tr><th>{}</th><td>{}</td><th>{}</th><td>{}</td><th>{}</th><td>{scale}</td></tr><tr><th>{}</th><td>{}</td><th>{}</th><td colspan=\"3\">{}</td></tr></table>",
            l.pick("間取りの名前", "Plan name"),
            escape(&self.plan.name),
            l.pick("図面", "Drawing"),
            escape(what),
            l.pick("縮尺", "Scale"),
            l.pick("日付", "Date"),
            escape(today),
            l.pick("基準", "Standard"),
            escape(l.pick(self.profile.name_ja, self.profile.name_en)),
        );
    }

    /// The 求積表: 符号 · 室名 · 計算式 · 面積 per room, subtotals per storey, 延べ面積, in
    /// ㎡, 帖 and 坪, with the profile's rounding.
    fn area_sheet(&self, out: &mut String, l: Lang, today: &str) {
        let table = area_table(&self.plan, self.profile.rounding());
        let title = l.pick("求積表", "Area table");
        let _ = write!(
            out,
            "<section class=\"sheet area-sheet\" data-testid=\"print-area-table\"><h2>{title}</h2><table class=\"area-table\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
            l.pick("符号", "Ref."),
            l.pick("室名", "Room"),
            l.pick("計算式", "Calculation"),
            l.pick("面積 (㎡)", "Area (㎡)"),
        );
        for storey in &table.storeys {
            let _ = write!(
                out,
                "<tbody><tr class=\"storey-head\"><th colspan=\"4\">{} ({})</th></tr>",
                escape(&storey.name),
                escape(&storey.letter)
            );
            for r in &storey.rooms {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td class=\"formula\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(&r.label),
                    escape(&r.room_name),
                    escape(&r.formula),
                    escape(&r.area_m2)
                );
            }
            let _ = write!(
                out,
                "<tr class=\"subtotal\"><td colspan=\"3\">{} {} {}</td><td class=\"num\">{}</td></tr></tbody>",
                escape(&storey.name),
                l.pick("床面積", "floor area"),
                l.pick("小計", "subtotal"),
                sum(&storey.subtotal)
            );
        }
        let _ = write!(
            out,
            "<tfoot><tr class=\"total\"><td colspan=\"3\">{}</td><td class=\"num\" data-testid=\"print-total\">{}</td></tr></tfoot></table><p class=\"note\">{}: {}</p>",
            l.pick("延べ面積", "Total floor area"),
            sum(&table.total),
            l.pick(table.rounding_ja, table.rounding_en),
            escape(l.pick(&table.note_ja, &table.note_en))
        );
        self.title_block(out, l, title, today, "—");
        out.push_str("</section>");
    }

    /// The findings report: capacity and what limits it, 入力不足, every finding that did
    /// not pass with its formula, hint and citation, the count that passed, and every value
    /// used with its source.
    fn report_sheet(&self, out: &mut String, l: Lang, today: &str) {
        let (report, capacity) = (&self.report, &self.capacity);
        let title = l.pick("判定", "Findings");
        let capacity_line = match capacity.max {
            Some(max) => format!(
                "{}: {max} {} ({}: {})",
                l.pick("定員上限", "Capacity"),
                capacity.unit,
                l.pick("制約する基準", "limited by"),
                capacity.limiting.join(", ")
            ),
            None => format!(
                "{}: {}",
                l.pick("定員上限", "Capacity"),
                l.pick(&capacity.note_ja, &capacity.note_en)
            ),
        };
        let _ = write!(
            out,
            "<section class=\"sheet report-sheet\" data-testid=\"print-report\"><h2>{title} — {}</h2><p data-testid=\"print-capacity\">{}</p><h3>{}</h3><ul>",
            escape(l.pick(report.profile.name_ja, report.profile.name_en)),
            escape(&capacity_line),
            l.pick("入力不足", "Missing inputs"),
        );
        for m in &report.missing {
            let _ = write!(
                out,
                "<li>{}</li>",
                escape(l.pick(&m.message_ja, &m.message_en))
            );
        }
        let _ = write!(
            out,
            "</ul><h3>{}</h3><ol class=\"findings\">",
            l.pick("不適合・注意・情報", "Failures, warnings and notes")
        );
        for f in report.findings.iter().filter(|f| f.status != Status::Pass) {
            let _ = write!(
                out,
                "<li class=\"finding\"><strong>[{}] {} </strong>{}<div class=\"formula\">{}</div>",
                status_label(l, f.status),
                escape(f.rule_id),
                escape(l.pick(f.message_ja(), f.message_en())),
                escape(f.formula())
            );
            if !f.hint().is_empty() {
                let _ = write!(
                    out,
                    "<div class=\"hint\">→ {}</div>",
                    escape(l.pick(f.hint(), f.hint_en()))
                );
            }
            let _ = write!(
                out,
                "<div class=\"citation\">{}</div></li>",
                escape(f.citation)
            );
        }
        let _ = write!(
            out,
            "</ol><p>{}: {}</p><h3>{}</h3><table class=\"params\">",
            l.pick("適合した項目", "Points passed"),
            report.count(Status::Pass),
            l.pick("判定に使った値と出典", "Values used and their sources")
        );
        for p in &report.profile.params {
            let info = p.key.describe();
            let _ = write!(
                out,
                "<tr><td>{}</td><td class=\"num\">{} {}</td><td>{}</td></tr>",
                escape(l.pick(info.label_ja, info.label_en)),
                madori_rules::report::num(p.value, 4),
                escape(info.unit),
                escape(&p.source)
            );
        }
        out.push_str("</table>");
        self.title_block(out, l, title, today, "—");
        out.push_str("</section>");
    }
}

/// An area in ㎡ with 帖 and 坪, as the 求積表 prints it.
fn sum(s: &AreaSum) -> String {
    escape(&format!("{} ㎡ ({} 帖, {} 坪)", s.area_m2, s.jo, s.tsubo))
}

/// The status word with an icon, so status reads without colour (as on screen).
fn status_label(l: Lang, status: Status) -> &'static str {
    match status {
        Status::Pass => l.pick("✓ 適合", "✓ Pass"),
        Status::Fail => l.pick("✗ 不適合", "✗ Fail"),
        Status::Warning => l.pick("⚠ 注意", "⚠ Warning"),
        Status::Info => l.pick("ℹ 参考", "ℹ Info"),
        Status::Unavailable => l.pick("? 判定不能", "? Unavailable"),
    }
}
