//! A minimal R12 DXF writer for tests: group-code text built by hand.
#![allow(dead_code)]

/// Group-code pairs.
#[derive(Default)]
pub struct Writer {
    pub text: String,
}

impl Writer {
    pub fn pair(&mut self, code: i32, value: impl std::fmt::Display) -> &mut Self {
        self.text.push_str(&format!("{code}\n{value}\n"));
        self
    }

    pub fn line(&mut self, layer: &str, a: (f64, f64), b: (f64, f64)) -> &mut Self {
        self.pair(0, "LINE").pair(8, layer);
        self.pair(10, a.0).pair(20, a.1).pair(11, b.0).pair(21, b.1)
    }

    pub fn arc(&mut self, layer: &str, c: (f64, f64), r: f64, start: f64, end: f64) -> &mut Self {
        self.pair(0, "ARC").pair(8, layer);
        self.pair(10, c.0)
            .pair(20, c.1)
            .pair(40, r)
            .pair(50, start)
            .pair(51, end)
    }

    pub fn text(&mut self, layer: &str, at: (f64, f64), value: &str) -> &mut Self {
        self.pair(0, "TEXT").pair(8, layer);
        self.pair(10, at.0)
            .pair(20, at.1)
            .pair(40, 200)
            .pair(1, value)
    }

    pub fn insert(&mut self, layer: &str, block: &str, at: (f64, f64)) -> &mut Self {
        self.pair(0, "INSERT").pair(8, layer).pair(2, block);
        self.pair(10, at.0).pair(20, at.1)
    }

    /// A closed rectangle of single lines (y up, as DXF).
    pub fn rect(&mut self, layer: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> &mut Self {
        self.line(layer, (x0, y0), (x1, y0));
        self.line(layer, (x1, y0), (x1, y1));
        self.line(layer, (x1, y1), (x0, y1));
        self.line(layer, (x0, y1), (x0, y0))
    }
}

/// A whole file: optional BLOCKS content, then the entities.
pub fn file(blocks: &str, entities: &str) -> Vec<u8> {
    let mut out = String::from("0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1009\n0\nENDSEC\n");
    if !blocks.is_empty() {
        out.push_str("0\nSECTION\n2\nBLOCKS\n");
        out.push_str(blocks);
        out.push_str("0\nENDSEC\n");
    }
    out.push_str("0\nSECTION\n2\nENTITIES\n");
    out.push_str(entities);
    out.push_str("0\nENDSEC\n0\nEOF\n");
    out.into_bytes()
}

/// A block definition with `entities` inside.
pub fn block(name: &str, entities: &str) -> String {
    format!("0\nBLOCK\n8\n0\n2\n{name}\n70\n0\n10\n0\n20\n0\n30\n0\n3\n{name}\n{entities}0\nENDBLK\n8\n0\n")
}
