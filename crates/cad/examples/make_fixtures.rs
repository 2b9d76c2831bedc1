//! Writes the DXF fixtures under `crates/cad/tests/fixtures/` as raw group-code text, so
//! every byte is known:
//!
//! 1. `house_r12_sjis.dxf`: the two-storey house of `tests/common/house.rs`, 1F and 2F side
//!    by side, double-line walls on `壁`, door swings as INSERTs of a block on `建具`,
//!    window sashes on `建具`, labels on `文字`, grid lines with bubbles on `通り芯`,
//!    dimensions on `寸法`; R12 with no `$DWGCODEPAGE` and Shift_JIS text, as Jw_cad
//!    writes.
//! 2. `house_r2007_cm.dxf`: the same house as R2007 (`AC1021`) declaring `ANSI_932` but
//!    holding UTF-8, `$INSUNITS` = 4 (mm) while drawn in centimetres; wall faces as
//!    LWPOLYLINEs, doors as ARC + LINE, labels as MTEXT with formatting codes.
//! 3. `gaps_r12.dxf`: the 1F drawn with single centre lines on `通り芯`, broken into pieces
//!    with gaps up to 30 mm, overlapping and duplicated, some ends short of the corner.
//!
//! Run: `cargo run -p madori-cad --example make_fixtures`.

#[path = "../tests/common/house.rs"]
mod house;

use house::{OpeningDef, RoomDef, FIRST, FIRST_OPENINGS, SECOND, SECOND_OFFSET_X, SECOND_OPENINGS};
use std::fmt::Write as _;

/// Group-code text.
struct Dxf {
    text: String,
    handle: u32,
    modern: bool,
}

fn num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

impl Dxf {
    fn new(modern: bool) -> Self {
        Self {
            text: String::new(),
            handle: 0x100,
            modern,
        }
    }

    fn pair(&mut self, code: i32, value: &str) {
        let _ = write!(self.text, "{code:>3}\r\n{value}\r\n");
    }

    fn f(&mut self, code: i32, v: f64) {
        self.pair(code, &num(v));
    }

    /// Starts an entity: type, handle and subclass markers (R2007), layer.
    fn entity(&mut self, kind: &str, layer: &str, subclass: &str) {
        self.pair(0, kind);
        if self.modern {
            self.handle += 1;
            let h = format!("{:X}", self.handle);
            self.pair(5, &h);
            self.pair(100, "AcDbEntity");
        }
        self.pair(8, layer);
        if self.modern && !subclass.is_empty() {
            self.pair(100, subclass);
        }
    }

    fn line(&mut self, layer: &str, a: (f64, f64), b: (f64, f64)) {
        self.entity("LINE", layer, "AcDbLine");
        self.f(10, a.0);
        self.f(20, a.1);
        self.f(30, 0.0);
        self.f(11, b.0);
        self.f(21, b.1);
        self.f(31, 0.0);
    }

    fn arc(&mut self, layer: &str, c: (f64, f64), r: f64, start: f64, end: f64) {
        self.entity("ARC", layer, "AcDbCircle");
        self.f(10, c.0);
        self.f(20, c.1);
        self.f(30, 0.0);
        self.f(40, r);
        if self.modern {
            self.pair(100, "AcDbArc");
        }
        self.f(50, start);
        self.f(51, end);
    }

    fn circle(&mut self, layer: &str, c: (f64, f64), r: f64) {
        self.entity("CIRCLE", layer, "AcDbCircle");
        self.f(10, c.0);
        self.f(20, c.1);
        self.f(30, 0.0);
        self.f(40, r);
    }

    /// A TEXT centred (72 = 1, 73 = 2) at `c`.
    fn text(&mut self, layer: &str, c: (f64, f64), height: f64, value: &str) {
        self.entity("TEXT", layer, "AcDbText");
        self.f(10, c.0);
        self.f(20, c.1);
        self.f(30, 0.0);
        self.f(40, height);
        self.pair(1, value);
        self.pair(72, "1");
        self.f(11, c.0);
        self.f(21, c.1);
        self.f(31, 0.0);
        if self.modern {
            self.pair(100, "AcDbText");
        }
        self.pair(73, "2");
    }

    fn mtext(&mut self, layer: &str, c: (f64, f64), height: f64, value: &str) {
        self.entity("MTEXT", layer, "AcDbMText");
        self.f(10, c.0);
        self.f(20, c.1);
        self.f(30, 0.0);
        self.f(40, height);
        self.f(41, 0.0);
        self.pair(71, "5");
        self.pair(72, "1");
        self.pair(1, value);
    }

    fn lwpolyline(&mut self, layer: &str, points: &[(f64, f64)], closed: bool) {
        self.entity("LWPOLYLINE", layer, "AcDbPolyline");
        self.pair(90, &points.len().to_string());
        self.pair(70, if closed { "1" } else { "0" });
        self.f(43, 0.0);
        for p in points {
            self.f(10, p.0);
            self.f(20, p.1);
        }
    }

    fn insert(
        &mut self,
        layer: &str,
        block: &str,
        at: (f64, f64),
        sx: f64,
        sy: f64,
        rotation: f64,
    ) {
        self.entity("INSERT", layer, "AcDbBlockReference");
        self.pair(2, block);
        self.f(10, at.0);
        self.f(20, at.1);
        self.f(30, 0.0);
        self.f(41, sx);
        self.f(42, sy);
        self.f(43, 1.0);
        self.f(50, rotation);
    }

    fn header(&mut self, vars: &[(&str, i32, &str)]) {
        self.pair(0, "SECTION");
        self.pair(2, "HEADER");
        for (name, code, value) in vars {
            self.pair(9, name);
            self.pair(*code, value);
        }
        self.pair(0, "ENDSEC");
    }

    fn layers(&mut self, layers: &[(&str, i32)]) {
        self.pair(0, "SECTION");
        self.pair(2, "TABLES");
        self.pair(0, "TABLE");
        self.pair(2, "LAYER");
        self.pair(70, &layers.len().to_string());
        for (name, colour) in layers {
            self.pair(0, "LAYER");
            self.pair(2, name);
            self.pair(70, "0");
            self.pair(62, &colour.to_string());
            self.pair(6, "CONTINUOUS");
        }
        self.pair(0, "ENDTAB");
        self.pair(0, "ENDSEC");
    }
}

/// Plan millimetres (y down) to drawing units (y up), scaled.
#[derive(Clone, Copy)]
struct Frame {
    dx: i64,
    scale: f64,
}

impl Frame {
    fn p(&self, x: i64, y: i64) -> (f64, f64) {
        ((x + self.dx) as f64 / self.scale, -(y as f64) / self.scale)
    }
}

/// A door's hinge, closed end and open end in plan mm.
fn door_points(o: &OpeningDef) -> ((i64, i64), (i64, i64), (i64, i64)) {
    let (hinge_at_from, side) = o.door.unwrap_or((true, 1));
    let w = o.to - o.from;
    let (h, c) = if hinge_at_from {
        (o.from, o.to)
    } else {
        (o.to, o.from)
    };
    if o.horizontal {
        ((h, o.at), (c, o.at), (h, o.at + side * w))
    } else {
        ((o.at, h), (o.at, c), (o.at + side * w, h))
    }
}

fn angle(from: (f64, f64), to: (f64, f64)) -> f64 {
    (to.1 - from.1)
        .atan2(to.0 - from.0)
        .to_degrees()
        .rem_euclid(360.0)
}

/// The sash lines of a window: two lines 40 mm apart, overlapping in the middle.
fn window_lines(o: &OpeningDef) -> [house::Segment; 2] {
    let w = o.to - o.from;
    let m1 = o.from + w * 55 / 100;
    let m0 = o.from + w * 45 / 100;
    if o.horizontal {
        [
            ((o.from, o.at - 20), (m1, o.at - 20)),
            ((m0, o.at + 20), (o.to, o.at + 20)),
        ]
    } else {
        [
            ((o.at - 20, o.from), (o.at - 20, m1)),
            ((o.at + 20, m0), (o.at + 20, o.to)),
        ]
    }
}

fn centre(room: &RoomDef) -> (i64, i64) {
    (
        (room.rect[0] + room.rect[2]) / 2,
        (room.rect[1] + room.rect[3]) / 2,
    )
}

struct Storey<'a> {
    rooms: &'a [RoomDef],
    openings: &'a [OpeningDef],
    frame: Frame,
    label: &'a str,
}

/// Fixture 1 (`modern` false) or 2 (`modern` true).
fn house(modern: bool) -> String {
    let scale = if modern { 10.0 } else { 1.0 };
    let storeys = [
        Storey {
            rooms: &FIRST,
            openings: &FIRST_OPENINGS,
            frame: Frame { dx: 0, scale },
            label: "1階平面図",
        },
        Storey {
            rooms: &SECOND,
            openings: &SECOND_OPENINGS,
            frame: Frame {
                dx: SECOND_OFFSET_X,
                scale,
            },
            label: if modern {
                "２階平面図"
            } else {
                "2階平面図"
            },
        },
    ];
    let mut d = Dxf::new(modern);
    if modern {
        d.header(&[
            ("$ACADVER", 1, "AC1021"),
            ("$DWGCODEPAGE", 3, "ANSI_932"),
            ("$INSUNITS", 70, "4"),
            ("$HANDSEED", 5, "FFFF"),
        ]);
    } else {
        d.header(&[("$ACADVER", 1, "AC1009")]);
    }
    d.layers(&[
        ("0", 7),
        ("壁", 2),
        ("建具", 3),
        ("文字", 7),
        ("通り芯", 1),
        ("寸法", 4),
    ]);
    if !modern {
        // A door swing of radius 1000 drawn on layer 0 (it takes the INSERT's layer).
        d.pair(0, "SECTION");
        d.pair(2, "BLOCKS");
        d.pair(0, "BLOCK");
        d.pair(8, "0");
        d.pair(2, "DOOR");
        d.pair(70, "0");
        d.f(10, 0.0);
        d.f(20, 0.0);
        d.f(30, 0.0);
        d.pair(3, "DOOR");
        d.arc("0", (0.0, 0.0), 1000.0, 0.0, 90.0);
        d.line("0", (0.0, 0.0), (0.0, 1000.0));
        d.pair(0, "ENDBLK");
        d.pair(8, "0");
        d.pair(0, "ENDSEC");
    }
    d.pair(0, "SECTION");
    d.pair(2, "ENTITIES");
    for storey in &storeys {
        let f = storey.frame;
        let walls = house::walls(storey.rooms);
        let faces = house::faces(&walls, storey.openings);
        if modern {
            for chain in chains(&faces) {
                let closed = chain.len() > 2 && chain.first() == chain.last();
                let pts: Vec<(f64, f64)> = chain[..chain.len() - usize::from(closed)]
                    .iter()
                    .map(|&(x, y)| f.p(x, y))
                    .collect();
                d.lwpolyline("壁", &pts, closed);
            }
        } else {
            for (a, b) in &faces {
                d.line("壁", f.p(a.0, a.1), f.p(b.0, b.1));
            }
        }
        for o in storey.openings {
            if o.door.is_some() {
                let (h, c, op) = door_points(o);
                let (h, c, op) = (f.p(h.0, h.1), f.p(c.0, c.1), f.p(op.0, op.1));
                let w = (o.to - o.from) as f64 / scale;
                let (ac, ao) = (angle(h, c), angle(h, op));
                let ccw = ((ao - ac).rem_euclid(360.0) - 90.0).abs() < 1e-6;
                if modern {
                    let (start, end) = if ccw { (ac, ao) } else { (ao, ac) };
                    d.arc("建具", h, w, start, end);
                    d.line("建具", h, op);
                } else {
                    let s = w / 1000.0;
                    d.insert("建具", "DOOR", h, s, if ccw { s } else { -s }, ac);
                }
            } else {
                for (a, b) in window_lines(o) {
                    d.line("建具", f.p(a.0, a.1), f.p(b.0, b.1));
                }
            }
        }
        for room in storey.rooms.iter().filter(|r| !r.label.is_empty()) {
            let (x, y) = centre(room);
            if modern {
                let value = match room.label {
                    "LDK" => "{\\fMS Gothic|b0|i0;LDK}".to_owned(),
                    label => match label.split_once(' ') {
                        Some((name, area)) => format!("\\H25;{name}\\P{area}"),
                        None => label.to_owned(),
                    },
                };
                d.mtext("文字", f.p(x, y), 25.0, &value);
            } else {
                d.text("文字", f.p(x, y), 250.0, room.label);
            }
        }
        if std::ptr::eq(storey.rooms.as_ptr(), FIRST.as_ptr()) {
            // An area note beside the LDK's name: not a name.
            let (x, y) = centre(&FIRST[0]);
            d.text("文字", f.p(x, y + 500), 200.0 / scale, "12.6帖");
        }
        d.text("文字", f.p(3640, 10_600), 400.0 / scale, storey.label);
        // Grid lines with bubbles.
        for (k, gx) in [0i64, 2, 5, 8].into_iter().enumerate() {
            let x = gx * house::M;
            d.line("通り芯", f.p(x, -1500), f.p(x, 9100 + 900));
            d.circle("通り芯", f.p(x, -1800), 300.0 / scale);
            d.text(
                "通り芯",
                f.p(x, -1800),
                250.0 / scale,
                &format!("X{}", k + 1),
            );
        }
        for (k, gy) in [0i64, 5, 10].into_iter().enumerate() {
            let y = gy * house::M;
            d.line("通り芯", f.p(-1500, y), f.p(7280 + 900, y));
            d.circle("通り芯", f.p(-1800, y), 300.0 / scale);
            d.text(
                "通り芯",
                f.p(-1800, y),
                250.0 / scale,
                &format!("Y{}", k + 1),
            );
        }
        d.line("寸法", f.p(0, 9100 + 600), f.p(7280, 9100 + 600));
        d.text("寸法", f.p(3640, 9100 + 450), 200.0 / scale, "7,280");
    }
    d.pair(0, "ENDSEC");
    d.pair(0, "EOF");
    d.text
}

/// Joins face segments into chains through points where exactly two meet.
fn chains(segs: &[house::Segment]) -> Vec<Vec<(i64, i64)>> {
    use std::collections::HashMap;
    let mut at: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, (a, b)) in segs.iter().enumerate() {
        at.entry(*a).or_default().push(i);
        at.entry(*b).or_default().push(i);
    }
    let mut used = vec![false; segs.len()];
    let mut out = Vec::new();
    // Start at chain ends (degree ≠ 2) first, then loops.
    let mut starts: Vec<usize> = (0..segs.len())
        .filter(|&i| at[&segs[i].0].len() != 2 || at[&segs[i].1].len() != 2)
        .collect();
    starts.extend(0..segs.len());
    for start in starts {
        if used[start] {
            continue;
        }
        used[start] = true;
        let (a, b) = segs[start];
        let (mut chain, mut end) = if at[&a].len() != 2 {
            (vec![a, b], b)
        } else {
            (vec![b, a], a)
        };
        loop {
            let next = at[&end]
                .iter()
                .copied()
                .find(|&j| !used[j] && at[&end].len() == 2);
            let Some(j) = next else { break };
            used[j] = true;
            let (p, q) = segs[j];
            end = if p == end { q } else { p };
            chain.push(end);
        }
        out.push(chain);
    }
    out
}

/// Fixture 3: single centre lines broken, overlapped and duplicated.
fn gaps() -> String {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut rand = move |n: i64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % (n.max(1) as u64)) as i64
    };
    let f = Frame { dx: 0, scale: 1.0 };
    let mut d = Dxf::new(false);
    d.header(&[("$ACADVER", 1, "AC1009")]);
    d.layers(&[("0", 7), ("通り芯", 1), ("建具", 3), ("文字", 7)]);
    d.pair(0, "SECTION");
    d.pair(2, "ENTITIES");
    for (a, b) in house::centre_runs(&house::walls(&FIRST)) {
        let horizontal = a.1 == b.1;
        let (s0, s1) = if horizontal { (a.0, b.0) } else { (a.1, b.1) };
        let at = if horizontal { a.1 } else { a.0 };
        let point = |s: i64| if horizontal { f.p(s, at) } else { f.p(at, s) };
        // Ends a little short of the corner now and then.
        let start = s0 + if rand(3) == 0 { rand(31) } else { 0 };
        let end = s1 - if rand(3) == 0 { rand(31) } else { 0 };
        let pieces = 1 + rand(4);
        let mut cuts: Vec<i64> = (1..pieces)
            .map(|k| start + (end - start) * k / pieces)
            .collect();
        cuts.insert(0, start);
        cuts.push(end);
        for w in cuts.windows(2) {
            let (mut p, q) = (w[0], w[1]);
            if p != start {
                // A gap of up to 30 mm, or an overlap.
                p = if rand(2) == 0 {
                    p + rand(31)
                } else {
                    p - rand(300)
                };
            }
            d.line("通り芯", point(p), point(q));
            if rand(4) == 0 {
                d.line("通り芯", point(q), point(p));
            }
        }
    }
    for o in &FIRST_OPENINGS {
        if o.door.is_some() {
            let (h, c, op) = door_points(o);
            let (h, c, op) = (f.p(h.0, h.1), f.p(c.0, c.1), f.p(op.0, op.1));
            let w = (o.to - o.from) as f64;
            let (ac, ao) = (angle(h, c), angle(h, op));
            let ccw = ((ao - ac).rem_euclid(360.0) - 90.0).abs() < 1e-6;
            let (start, end) = if ccw { (ac, ao) } else { (ao, ac) };
            d.arc("建具", h, w, start, end);
            d.line("建具", h, op);
        } else {
            for (a, b) in window_lines(o) {
                d.line("建具", f.p(a.0, a.1), f.p(b.0, b.1));
            }
        }
    }
    for room in FIRST.iter() {
        let (x, y) = centre(room);
        d.text("文字", f.p(x, y), 250.0, room.label);
    }
    d.pair(0, "ENDSEC");
    d.pair(0, "EOF");
    d.text
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::create_dir_all(&dir).expect("create the fixtures folder");
    let r12 = house(false);
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&r12);
    assert!(!unmappable, "every label is in Shift_JIS");
    let files: [(&str, Vec<u8>); 3] = [
        ("house_r12_sjis.dxf", sjis.into_owned()),
        ("house_r2007_cm.dxf", house(true).into_bytes()),
        ("gaps_r12.dxf", gaps().into_bytes()),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), &bytes).expect("write a fixture");
        println!("{name}: {} bytes", bytes.len());
    }
}
