//! Wall-centre lines to rooms: clean the segments, close gaps, split at crossings, and take
//! the bounded faces of the planar graph.
//!
//! Written by hand rather than with a general polygon library because the steps are about
//! drawings, not polygons: merging near-collinear duplicates, bridging a door gap only when
//! both wall ends are free, extending a wall end to the wall it was meant to meet, and
//! keeping every vertex where walls meet so that rooms sharing a wall share its vertices
//! (the editor relies on that). Everything is on integer millimetres; the only floating
//! point is where a new point is computed (an intersection), which is then rounded.

use crate::{ErrorKind, ImportError};
use madori_plan::geometry::{orientation, signed_area_twice_mm2};
use madori_plan::PointMm;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Segments beyond this count are refused (a dwelling has a few thousand wall lines).
pub const MAX_SEGMENTS: usize = 100_000;
/// Pair tests in the spatial grid beyond this are refused as too complex.
pub const MAX_PAIR_TESTS: usize = 30_000_000;
/// Near-collinear lines closer than this (mm) side to side are one line.
pub const LATERAL_TOLERANCE_MM: f64 = 3.0;

/// A segment in integer millimetres with the wall thickness it stands for, if known, and a
/// tag (the layer it came from).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seg {
    /// One end.
    pub a: PointMm,
    /// The other end.
    pub b: PointMm,
    /// The wall's thickness, mm, when the segment is the centre of a double-line wall.
    pub thickness: Option<u32>,
    /// Where it came from (a layer index).
    pub tag: usize,
}

impl Seg {
    fn length(&self) -> f64 {
        dist(self.a, self.b)
    }
}

fn dist(a: PointMm, b: PointMm) -> f64 {
    ((a.x - b.x) as f64).hypot((a.y - b.y) as f64)
}

fn too_complex() -> ImportError {
    ImportError::new(
        ErrorKind::TooComplex,
        "線が込み入りすぎていて部屋を求められません (交差の判定が上限を超えました)",
        "the lines are too dense to find rooms (the intersection tests exceed the limit)",
    )
}

/// A uniform grid over segment bounding boxes, for candidate pairs.
pub struct Grid {
    origin: PointMm,
    cell: i64,
    cols: i64,
    rows: i64,
    cells: Vec<Vec<u32>>,
}

impl Grid {
    /// Indexes `segs` grown by `margin` mm. Refuses when the index would be too large.
    pub fn new(segs: &[Seg], margin: i64) -> Result<Self, ImportError> {
        let mut lo = PointMm::new(i64::MAX, i64::MAX);
        let mut hi = PointMm::new(i64::MIN, i64::MIN);
        for s in segs {
            for p in [s.a, s.b] {
                lo = PointMm::new(lo.x.min(p.x), lo.y.min(p.y));
                hi = PointMm::new(hi.x.max(p.x), hi.y.max(p.y));
            }
        }
        if segs.is_empty() {
            lo = PointMm::new(0, 0);
            hi = lo;
        }
        let span = (hi.x - lo.x).max(hi.y - lo.y).max(1);
        let cell = (span / 256).max(500).max(margin);
        let origin = PointMm::new(lo.x - margin, lo.y - margin);
        let cols = (hi.x - lo.x + 2 * margin) / cell + 1;
        let rows = (hi.y - lo.y + 2 * margin) / cell + 1;
        let mut grid = Self {
            origin,
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); usize::try_from(cols * rows).map_err(|_| too_complex())?],
        };
        let mut registered = 0usize;
        for (i, s) in segs.iter().enumerate() {
            let (c0, r0, c1, r1) = grid.range(s.a, s.b, margin);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    registered += 1;
                    if registered > MAX_PAIR_TESTS {
                        return Err(too_complex());
                    }
                    grid.cells[(r * cols + c) as usize].push(i as u32);
                }
            }
        }
        Ok(grid)
    }

    fn range(&self, a: PointMm, b: PointMm, margin: i64) -> (i64, i64, i64, i64) {
        let clamp_c = |v: i64| v.clamp(0, self.cols - 1);
        let clamp_r = |v: i64| v.clamp(0, self.rows - 1);
        let c0 = clamp_c((a.x.min(b.x) - margin - self.origin.x).div_euclid(self.cell));
        let c1 = clamp_c((a.x.max(b.x) + margin - self.origin.x).div_euclid(self.cell));
        let r0 = clamp_r((a.y.min(b.y) - margin - self.origin.y).div_euclid(self.cell));
        let r1 = clamp_r((a.y.max(b.y) + margin - self.origin.y).div_euclid(self.cell));
        (c0, r0, c1, r1)
    }

    /// Indices of segments whose grown boxes may meet the box of `a`-`b` grown by `margin`.
    pub fn near(
        &self,
        a: PointMm,
        b: PointMm,
        margin: i64,
        budget: &mut usize,
    ) -> Result<Vec<usize>, ImportError> {
        let (c0, r0, c1, r1) = self.range(a, b, margin);
        let mut out = Vec::new();
        for r in r0..=r1 {
            for c in c0..=c1 {
                let cell = &self.cells[(r * self.cols + c) as usize];
                *budget = budget.saturating_add(cell.len());
                if *budget > MAX_PAIR_TESTS {
                    return Err(too_complex());
                }
                out.extend(cell.iter().map(|&i| i as usize));
            }
        }
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }
}

/// A line that segments are grouped on: a unit direction and an origin on it.
#[derive(Clone, Copy, Debug)]
pub struct Line {
    /// Unit direction.
    pub d: [f64; 2],
    /// Unit normal (d turned by +90°).
    pub n: [f64; 2],
}

impl Line {
    fn of(s: &Seg) -> Self {
        let (dx, dy) = ((s.b.x - s.a.x) as f64, (s.b.y - s.a.y) as f64);
        let len = dx.hypot(dy).max(f64::MIN_POSITIVE);
        let (mut dx, mut dy) = (dx / len, dy / len);
        if dx < 0.0 || (dx == 0.0 && dy < 0.0) {
            dx = -dx;
            dy = -dy;
        }
        Self {
            d: [dx, dy],
            n: [-dy, dx],
        }
    }

    /// Position along the line.
    pub fn t(&self, p: PointMm) -> f64 {
        self.d[0] * p.x as f64 + self.d[1] * p.y as f64
    }

    /// Offset across the line.
    pub fn rho(&self, p: PointMm) -> f64 {
        self.n[0] * p.x as f64 + self.n[1] * p.y as f64
    }

    /// The point at `t` along and `rho` across, rounded to whole millimetres.
    pub fn point(&self, t: f64, rho: f64) -> PointMm {
        PointMm::new(
            (self.d[0] * t + self.n[0] * rho).round() as i64,
            (self.d[1] * t + self.n[1] * rho).round() as i64,
        )
    }
}

/// Groups segments by direction (within `angle_deg`): indices per group, with the
/// direction of the group's longest segment.
pub fn direction_groups(segs: &[Seg], angle_deg: f64) -> Vec<(Line, Vec<usize>)> {
    let mut keyed: Vec<(f64, usize)> = segs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let l = Line::of(s);
            // Angle in [0, 180).
            (l.d[1].atan2(l.d[0]).to_degrees().rem_euclid(180.0), i)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut groups: Vec<Vec<(f64, usize)>> = Vec::new();
    for (angle, i) in keyed {
        match groups.last_mut() {
            Some(g) if angle - g.last().map_or(angle, |l| l.0) <= angle_deg => g.push((angle, i)),
            _ => groups.push(vec![(angle, i)]),
        }
    }
    // Directions near 0° and near 180° are one direction.
    if groups.len() > 1 {
        let first = groups[0][0].0;
        let last = groups[groups.len() - 1].last().map_or(0.0, |l| l.0);
        if first + 180.0 - last <= angle_deg {
            let tail = groups.pop().unwrap_or_default();
            groups[0].extend(tail);
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let members: Vec<usize> = g.into_iter().map(|(_, i)| i).collect();
            let longest = members
                .iter()
                .copied()
                .max_by(|&a, &b| {
                    segs[a]
                        .length()
                        .total_cmp(&segs[b].length())
                        .then(b.cmp(&a))
                })
                .unwrap_or(0);
            (Line::of(&segs[longest]), members)
        })
        .collect()
}

/// One collinear run after merging: its line, offset and pieces `(t0, t1, thickness, tag)`
/// sorted along the line, touching end to end.
struct Run {
    cluster: usize,
    line: Line,
    rho: f64,
    pieces: Vec<(f64, f64, Option<u32>, usize)>,
}

impl Run {
    fn start(&self) -> f64 {
        self.pieces.first().map_or(0.0, |p| p.0)
    }
    fn end(&self) -> f64 {
        self.pieces.last().map_or(0.0, |p| p.1)
    }
}

/// Merges segments that lie on one line (direction within 0.5°, offset within
/// [`LATERAL_TOLERANCE_MM`]) where they overlap or leave a gap of at most `gap_mm`; each
/// merged run lies at the offset of its longest member.
/// Where merged segments carry different thicknesses the larger one wins.
fn runs(segs: &[Seg], gap_mm: f64) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cluster_id = 0usize;
    for (line, members) in direction_groups(segs, 0.5) {
        let mut by_rho: Vec<(f64, usize)> = members
            .iter()
            .map(|&i| {
                let s = &segs[i];
                ((line.rho(s.a) + line.rho(s.b)) / 2.0, i)
            })
            .collect();
        by_rho.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut start = 0;
        while start < by_rho.len() {
            let mut end = start + 1;
            while end < by_rho.len() && by_rho[end].0 - by_rho[end - 1].0 <= LATERAL_TOLERANCE_MM {
                end += 1;
            }
            let cluster = &by_rho[start..end];
            // (from, to, thickness, tag, segment) along the line.
            let mut intervals: Vec<(f64, f64, Option<u32>, usize, usize)> = cluster
                .iter()
                .map(|&(_, i)| {
                    let s = &segs[i];
                    let (t0, t1) = (line.t(s.a), line.t(s.b));
                    (t0.min(t1), t0.max(t1), s.thickness, s.tag, i)
                })
                .collect();
            intervals.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            // Each run takes the offset of its longest member: pieces that do not meet
            // along the line are separate walls, however close side to side (two notches
            // 1 mm apart, a storey apart along the line, stay where they are).
            let flush = |group: &[(f64, f64, Option<u32>, usize, usize)]| {
                let rho = group
                    .iter()
                    .map(|m| m.4)
                    .max_by(|&a, &b| {
                        segs[a]
                            .length()
                            .total_cmp(&segs[b].length())
                            .then(b.cmp(&a))
                    })
                    .map_or(0.0, |i| (line.rho(segs[i].a) + line.rho(segs[i].b)) / 2.0);
                let members: Vec<(f64, f64, Option<u32>, usize)> =
                    group.iter().map(|m| (m.0, m.1, m.2, m.3)).collect();
                run_of(cluster_id, line, rho, &members)
            };
            let mut group: Vec<(f64, f64, Option<u32>, usize, usize)> = Vec::new();
            let mut reach = f64::MIN;
            for iv in intervals {
                if !group.is_empty() && iv.0 > reach + gap_mm {
                    out.push(flush(&group));
                    group.clear();
                }
                reach = if group.is_empty() {
                    iv.1
                } else {
                    reach.max(iv.1)
                };
                group.push(iv);
            }
            if !group.is_empty() {
                out.push(flush(&group));
            }
            cluster_id += 1;
            start = end;
        }
    }
    out
}

/// Pieces of one merged run: split at every member's ends, each with the largest
/// thickness covering it (a gap takes the thickness before it). `members` are sorted by
/// their start.
fn run_of(cluster: usize, line: Line, rho: f64, members: &[(f64, f64, Option<u32>, usize)]) -> Run {
    let mut cuts: Vec<f64> = members.iter().flat_map(|m| [m.0, m.1]).collect();
    cuts.sort_by(f64::total_cmp);
    cuts.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let mut pieces: Vec<(f64, f64, Option<u32>, usize)> = Vec::new();
    // A sweep along the line: members enter at their start and leave after their end;
    // the active ones give the thickness (the largest) and the tag (the first).
    let mut by_end: Vec<usize> = (0..members.len()).collect();
    by_end.sort_by(|&a, &b| members[a].1.total_cmp(&members[b].1));
    let (mut entered, mut left) = (0, 0);
    let mut active: BTreeMap<usize, ()> = BTreeMap::new();
    let mut thicknesses: BTreeMap<Option<u32>, usize> = BTreeMap::new();
    for w in cuts.windows(2) {
        let mid = (w[0] + w[1]) / 2.0;
        // `members` are sorted by start.
        while entered < members.len() && members[entered].0 <= mid {
            active.insert(entered, ());
            *thicknesses.entry(members[entered].2).or_insert(0) += 1;
            entered += 1;
        }
        while left < by_end.len() && members[by_end[left]].1 < mid {
            let m = by_end[left];
            if active.remove(&m).is_some() {
                if let Some(count) = thicknesses.get_mut(&members[m].2) {
                    *count -= 1;
                    if *count == 0 {
                        thicknesses.remove(&members[m].2);
                    }
                }
            }
            left += 1;
        }
        let thickness = thicknesses.keys().next_back().copied().flatten();
        let tag = active.keys().next().map(|&m| members[m].3);
        let (thickness, tag) = match (tag, pieces.last()) {
            (Some(tag), _) => (thickness, tag),
            (None, Some(prev)) => (prev.2, prev.3),
            (None, None) => (None, members[0].3),
        };
        match pieces.last_mut() {
            Some(prev) if prev.2 == thickness => prev.1 = w[1],
            _ => pieces.push((w[0], w[1], thickness, tag)),
        }
    }
    // Pieces without a thickness (a door's chord, a bridged gap) take their neighbour's:
    // the wall goes on through the door.
    let mut last = None;
    for piece in &mut pieces {
        last = piece.2.or(last);
        piece.2 = last;
    }
    let mut next = None;
    for piece in pieces.iter_mut().rev() {
        next = piece.2.or(next);
        piece.2 = next;
    }
    pieces.dedup_by(|b, a| {
        let same = a.2 == b.2 && (a.1 - b.0).abs() < 0.5;
        if same {
            a.1 = b.1;
        }
        same
    });
    if pieces.is_empty() {
        // Every member has zero length along the line.
        pieces.push((members[0].0, members[0].1, members[0].2, members[0].3));
    }
    Run {
        cluster,
        line,
        rho,
        pieces,
    }
}

fn run_segments(run: &Run) -> impl Iterator<Item = Seg> + '_ {
    run.pieces
        .iter()
        .filter_map(move |&(t0, t1, thickness, tag)| {
            let a = run.line.point(t0, run.rho);
            let b = run.line.point(t1, run.rho);
            (a != b).then_some(Seg {
                a,
                b,
                thickness,
                tag,
            })
        })
}

/// Merges collinear overlapping, duplicated and nearly touching segments (gaps up to
/// `gap_mm`).
pub fn merge_collinear(segs: &[Seg], gap_mm: f64) -> Vec<Seg> {
    runs(segs, gap_mm).iter().flat_map(run_segments).collect()
}

/// Whether `p` lies on segment `s` (exactly, or within `tol` mm).
fn on_segment(s: &Seg, p: PointMm, tol: f64) -> bool {
    distance_to_segment(s, p) <= tol
}

fn distance_to_segment(s: &Seg, p: PointMm) -> f64 {
    let (ax, ay) = (s.a.x as f64, s.a.y as f64);
    let (dx, dy) = ((s.b.x - s.a.x) as f64, (s.b.y - s.a.y) as f64);
    let len2 = dx * dx + dy * dy;
    let (px, py) = (p.x as f64, p.y as f64);
    let u = if len2 > 0.0 {
        (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (px - (ax + u * dx)).hypot(py - (ay + u * dy))
}

fn closest_on_segment(s: &Seg, p: PointMm) -> PointMm {
    let (ax, ay) = (s.a.x as f64, s.a.y as f64);
    let (dx, dy) = ((s.b.x - s.a.x) as f64, (s.b.y - s.a.y) as f64);
    let len2 = dx * dx + dy * dy;
    let u = if len2 > 0.0 {
        (((p.x as f64 - ax) * dx + (p.y as f64 - ay) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    PointMm::new((ax + u * dx).round() as i64, (ay + u * dy).round() as i64)
}

/// Whether each end (`a`, `b`) of each segment is free: on no other segment.
fn free_ends(segs: &[Seg], grid: &Grid, budget: &mut usize) -> Result<Vec<[bool; 2]>, ImportError> {
    let mut out = Vec::with_capacity(segs.len());
    for (i, s) in segs.iter().enumerate() {
        let mut ends = [true, true];
        for (k, p) in [s.a, s.b].into_iter().enumerate() {
            for j in grid.near(p, p, 1, budget)? {
                if j != i && on_segment(&segs[j], p, 0.5) {
                    ends[k] = false;
                    break;
                }
            }
        }
        out.push(ends);
    }
    Ok(out)
}

/// The parameters of [`clean`].
#[derive(Clone, Copy, Debug)]
pub struct CleanOptions {
    /// Gaps up to this close (mm): collinear breaks, wall ends short of a wall.
    pub snap_mm: f64,
    /// Collinear gaps up to this are bridged when both wall ends are free (door and window
    /// openings in double-line walls).
    pub bridge_mm: f64,
    /// Free wall ends are extended up to this far to meet a wall (half the thickest wall
    /// plus the snap in double-line drawings, where centre lines stop at the other wall's
    /// face).
    pub extend_mm: f64,
}

/// Cleans wall-centre segments: merges collinear pieces, bridges openings, extends free
/// ends to the walls they were meant to meet, joins what is left within the snap. Returns
/// the segments and the length of the longest straight wall (mm).
pub fn clean(segs: &[Seg], options: CleanOptions) -> Result<(Vec<Seg>, f64), ImportError> {
    if segs.len() > MAX_SEGMENTS {
        return Err(ImportError::new(
            ErrorKind::TooMany,
            format!("壁の線が多すぎます (上限 {MAX_SEGMENTS} 本)"),
            format!("too many wall lines (the limit is {MAX_SEGMENTS})"),
        ));
    }
    let mut budget = 0usize;
    // 1. Collinear merge within the snap.
    let merged = merge_collinear(segs, options.snap_mm);
    // 2. Extend free ends to the walls they stop short of (before bridging, so that a
    //    wall meeting another at a T closes the other's gap first).
    let extended = merge_collinear(
        &extend(&merged, options.extend_mm, &mut budget)?,
        options.snap_mm,
    );
    // 3. Bridge collinear gaps between free ends with nothing crossing the gap.
    let extended = merge_collinear(&bridge(&extended, options, &mut budget)?, options.snap_mm);
    // 4. Join free ends to the nearest wall within the snap.
    let grid = Grid::new(&extended, options.snap_mm.ceil() as i64 + 1)?;
    let free = free_ends(&extended, &grid, &mut budget)?;
    let mut joined = extended.clone();
    for (i, s) in extended.iter().enumerate() {
        for (k, p) in [s.a, s.b].into_iter().enumerate() {
            if !free[i][k] {
                continue;
            }
            let mut best: Option<(f64, PointMm)> = None;
            for j in grid.near(p, p, options.snap_mm.ceil() as i64 + 1, &mut budget)? {
                if j == i {
                    continue;
                }
                let d = distance_to_segment(&extended[j], p);
                if d <= options.snap_mm && best.is_none_or(|b| d < b.0) {
                    best = Some((d, closest_on_segment(&extended[j], p)));
                }
            }
            if let Some((_, q)) = best {
                if q != p {
                    joined.push(Seg {
                        a: p,
                        b: q,
                        thickness: s.thickness,
                        tag: s.tag,
                    });
                }
            }
        }
    }
    let cleaned = merge_collinear(&joined, 0.0);
    let longest = runs(&cleaned, 0.0)
        .iter()
        .map(|r| r.end() - r.start())
        .fold(0.0, f64::max);
    Ok((cleaned, longest))
}

/// Bridges collinear gaps up to `bridge_mm` between two free wall ends when nothing
/// crosses or meets the gap (a doorway or window in a double-line wall).
fn bridge(
    merged: &[Seg],
    options: CleanOptions,
    budget: &mut usize,
) -> Result<Vec<Seg>, ImportError> {
    let grid = Grid::new(merged, 2)?;
    let free = free_ends(merged, &grid, budget)?;
    let free_at: HashSet<PointMm> = merged
        .iter()
        .zip(&free)
        .flat_map(|(s, f)| {
            [(s.a, f[0]), (s.b, f[1])]
                .into_iter()
                .filter(|&(_, free)| free)
                .map(|(p, _)| p)
        })
        .collect();
    let mut bridged = merged.to_vec();
    let all_runs = runs(merged, options.snap_mm);
    // Runs of one line come out consecutively, in order along it.
    for w in all_runs.windows(2) {
        let (r1, r2) = (&w[0], &w[1]);
        if r1.cluster != r2.cluster {
            continue;
        }
        let gap = r2.start() - r1.end();
        if gap <= 0.0 || gap > options.bridge_mm {
            continue;
        }
        let e1 = r1.line.point(r1.end(), r1.rho);
        let e2 = r1.line.point(r2.start(), r1.rho);
        let e2_actual = r2.line.point(r2.start(), r2.rho);
        if !free_at.contains(&e1) || !free_at.contains(&e2_actual) {
            continue;
        }
        let gap_seg = Seg {
            a: e1,
            b: e2_actual,
            thickness: r1.pieces.last().and_then(|p| p.2),
            tag: r1.pieces.last().map_or(0, |p| p.3),
        };
        let crossed = grid
            .near(e1, e2, 1, budget)?
            .into_iter()
            .any(|j| crosses_open(&merged[j], &gap_seg));
        if !crossed {
            bridged.push(gap_seg);
        }
    }
    Ok(bridged)
}

/// Extends free ends along their direction to the nearest wall (or the extension of
/// another free end, for corners) within `reach`.
fn extend(merged: &[Seg], reach: f64, budget: &mut usize) -> Result<Vec<Seg>, ImportError> {
    let grid = Grid::new(merged, reach.ceil() as i64 + 1)?;
    let free = free_ends(merged, &grid, budget)?;
    let mut extended = merged.to_vec();
    for (i, s) in merged.iter().enumerate() {
        for k in 0..2 {
            if !free[i][k] {
                continue;
            }
            let (from, to) = if k == 0 { (s.b, s.a) } else { (s.a, s.b) };
            let mut best: Option<(f64, PointMm)> = None;
            for j in grid.near(to, to, reach.ceil() as i64 + 1, budget)? {
                if j == i {
                    continue;
                }
                let other = grown(&merged[j], free[j], reach);
                if let Some((u, p)) = ray_hit(from, to, reach, &other, i, j) {
                    if best.is_none_or(|b| u < b.0) {
                        best = Some((u, p));
                    }
                }
            }
            if let Some((_, p)) = best {
                if k == 0 {
                    extended[i].a = p;
                } else {
                    extended[i].b = p;
                }
            }
        }
    }
    Ok(extended)
}

/// Whether `s` crosses the open segment `gap` (touching its ends does not count).
fn crosses_open(s: &Seg, gap: &Seg) -> bool {
    let d1 = orientation(gap.a, gap.b, s.a);
    let d2 = orientation(gap.a, gap.b, s.b);
    let d3 = orientation(s.a, s.b, gap.a);
    let d4 = orientation(s.a, s.b, gap.b);
    if d1 * d2 < 0 && d3 * d4 < 0 {
        return true;
    }
    // An end of `s` inside the gap (a wall meeting the gap).
    [s.a, s.b]
        .into_iter()
        .any(|p| p != gap.a && p != gap.b && on_segment(gap, p, 1.0))
}

/// `s` grown by `reach` at its free ends.
fn grown(s: &Seg, free: [bool; 2], reach: f64) -> ([f64; 2], [f64; 2]) {
    let (ax, ay, bx, by) = (s.a.x as f64, s.a.y as f64, s.b.x as f64, s.b.y as f64);
    let len = (bx - ax).hypot(by - ay).max(f64::MIN_POSITIVE);
    let (ux, uy) = ((bx - ax) / len, (by - ay) / len);
    let a = if free[0] {
        [ax - ux * reach, ay - uy * reach]
    } else {
        [ax, ay]
    };
    let b = if free[1] {
        [bx + ux * reach, by + uy * reach]
    } else {
        [bx, by]
    };
    (a, b)
}

/// Where the ray from `to` (continuing `from`→`to`) meets `other` within `reach`: the
/// distance and the point. The point is computed from the two segments in index order, so
/// two free ends meeting at a corner round to the same point.
fn ray_hit(
    from: PointMm,
    to: PointMm,
    reach: f64,
    other: &([f64; 2], [f64; 2]),
    i: usize,
    j: usize,
) -> Option<(f64, PointMm)> {
    let p = [to.x as f64, to.y as f64];
    let len = ((to.x - from.x) as f64).hypot((to.y - from.y) as f64);
    if len <= 0.0 {
        return None;
    }
    let r = [(to.x - from.x) as f64 / len, (to.y - from.y) as f64 / len];
    let (q0, q1) = *other;
    let s = [q1[0] - q0[0], q1[1] - q0[1]];
    let cross = r[0] * s[1] - r[1] * s[0];
    let slen = s[0].hypot(s[1]);
    if slen <= 0.0 || cross.abs() < 1e-6 * slen {
        return None;
    }
    let w = [q0[0] - p[0], q0[1] - p[1]];
    let u = (w[0] * s[1] - w[1] * s[0]) / cross;
    let v = (w[0] * r[1] - w[1] * r[0]) / cross;
    if !(-0.5..=reach).contains(&u) || !(-1e-9..=1.0 + 1e-9).contains(&v) {
        return None;
    }
    // The same point from either side: intersect the two infinite lines in index order.
    let (a0, a1, b0, b1) = if i < j {
        ([from.x as f64, from.y as f64], p, q0, q1)
    } else {
        (q0, q1, [from.x as f64, from.y as f64], p)
    };
    let da = [a1[0] - a0[0], a1[1] - a0[1]];
    let db = [b1[0] - b0[0], b1[1] - b0[1]];
    let den = da[0] * db[1] - da[1] * db[0];
    if den == 0.0 {
        return None;
    }
    let t = ((b0[0] - a0[0]) * db[1] - (b0[1] - a0[1]) * db[0]) / den;
    let x = a0[0] + t * da[0];
    let y = a0[1] + t * da[1];
    Some((u, PointMm::new(x.round() as i64, y.round() as i64)))
}

/// The planar graph of wall centres.
pub struct Graph {
    /// Vertices.
    pub points: Vec<PointMm>,
    /// Edges `(u, v)` with `u < v`, and their thickness.
    pub edges: HashMap<(u32, u32), Option<u32>>,
}

/// Splits every segment where another crosses or touches it and builds the graph.
pub fn build(segs: &[Seg]) -> Result<Graph, ImportError> {
    let grid = Grid::new(segs, 2)?;
    let mut budget = 0usize;
    let mut cuts: Vec<Vec<PointMm>> = segs.iter().map(|s| vec![s.a, s.b]).collect();
    for (i, s) in segs.iter().enumerate() {
        for j in grid.near(s.a, s.b, 2, &mut budget)? {
            if j <= i {
                continue;
            }
            let o = &segs[j];
            let d1 = orientation(o.a, o.b, s.a);
            let d2 = orientation(o.a, o.b, s.b);
            let d3 = orientation(s.a, s.b, o.a);
            let d4 = orientation(s.a, s.b, o.b);
            if d1 * d2 < 0 && d3 * d4 < 0 {
                if let Some(p) = crossing(s, o) {
                    cuts[i].push(p);
                    cuts[j].push(p);
                }
                continue;
            }
            for p in [s.a, s.b] {
                if p != o.a && p != o.b && on_segment(o, p, 1.5) {
                    cuts[j].push(p);
                }
            }
            for p in [o.a, o.b] {
                if p != s.a && p != s.b && on_segment(s, p, 1.5) {
                    cuts[i].push(p);
                }
            }
        }
    }
    let mut index: HashMap<PointMm, u32> = HashMap::new();
    let mut points = Vec::new();
    let mut edges: HashMap<(u32, u32), Option<u32>> = HashMap::new();
    for (s, mut pts) in segs.iter().zip(cuts) {
        let line = Line::of(s);
        pts.sort_by(|a, b| line.t(*a).total_cmp(&line.t(*b)));
        pts.dedup();
        for w in pts.windows(2) {
            let mut id = |p: PointMm| {
                *index.entry(p).or_insert_with(|| {
                    points.push(p);
                    (points.len() - 1) as u32
                })
            };
            let (u, v) = (id(w[0]), id(w[1]));
            if u == v {
                continue;
            }
            let key = (u.min(v), u.max(v));
            let slot = edges.entry(key).or_insert(s.thickness);
            *slot = (*slot).max(s.thickness);
        }
    }
    Ok(Graph { points, edges })
}

fn crossing(s: &Seg, o: &Seg) -> Option<PointMm> {
    let (ax, ay) = (i128::from(s.b.x - s.a.x), i128::from(s.b.y - s.a.y));
    let (bx, by) = (i128::from(o.b.x - o.a.x), i128::from(o.b.y - o.a.y));
    let (cx, cy) = (i128::from(o.a.x - s.a.x), i128::from(o.a.y - s.a.y));
    let den = ax * by - ay * bx;
    if den == 0 {
        return None;
    }
    let num = cx * by - cy * bx;
    let t = num as f64 / den as f64;
    Some(PointMm::new(
        (s.a.x as f64 + t * ax as f64).round() as i64,
        (s.a.y as f64 + t * ay as f64).round() as i64,
    ))
}

/// A bounded face: its vertices (counter-clockwise in the raw coordinates) and the
/// thickness of each edge (edge `i` from vertex `i` to `i + 1`).
#[derive(Clone, Debug, PartialEq)]
pub struct Face {
    /// Vertices.
    pub polygon: Vec<PointMm>,
    /// Thickness per edge.
    pub thickness: Vec<Option<u32>>,
}

/// Order of directions by angle, exactly: upper half-plane first, then by cross product.
fn angle_order(u: (i64, i64), v: (i64, i64)) -> std::cmp::Ordering {
    let half = |w: (i64, i64)| u8::from(!(w.1 > 0 || (w.1 == 0 && w.0 > 0)));
    half(u).cmp(&half(v)).then_with(|| {
        let cross = i128::from(u.0) * i128::from(v.1) - i128::from(u.1) * i128::from(v.0);
        0.cmp(&cross)
    })
}

/// The bounded faces of the graph (dangling edges pruned first), each a simple cycle.
pub fn faces(graph: &Graph) -> Vec<Face> {
    let n = graph.points.len();
    let mut adjacency: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut keys: Vec<(u32, u32)> = graph.edges.keys().copied().collect();
    keys.sort_unstable();
    for &(u, v) in &keys {
        adjacency[u as usize].push(v);
        adjacency[v as usize].push(u);
    }
    // Prune dangling edges: they bound no room.
    let mut stack: Vec<usize> = (0..n).filter(|&v| adjacency[v].len() == 1).collect();
    while let Some(v) = stack.pop() {
        if adjacency[v].len() != 1 {
            continue;
        }
        let u = adjacency[v][0] as usize;
        adjacency[v].clear();
        adjacency[u].retain(|&w| w as usize != v);
        if adjacency[u].len() == 1 {
            stack.push(u);
        }
    }
    let p = &graph.points;
    for (v, list) in adjacency.iter_mut().enumerate() {
        let o = p[v];
        list.sort_by(|&a, &b| {
            let da = (p[a as usize].x - o.x, p[a as usize].y - o.y);
            let db = (p[b as usize].x - o.x, p[b as usize].y - o.y);
            angle_order(da, db)
        });
    }
    let mut visited: HashSet<(u32, u32)> = HashSet::new();
    let mut out = Vec::new();
    for u in 0..n {
        for &v in &adjacency[u] {
            let start = (u as u32, v);
            if visited.contains(&start) {
                continue;
            }
            let mut cycle: Vec<u32> = Vec::new();
            let mut h = start;
            while visited.insert(h) {
                cycle.push(h.0);
                let (a, b) = h;
                let around = &adjacency[b as usize];
                let pos = around.iter().position(|&w| w == a).unwrap_or(0);
                let next = around[(pos + around.len() - 1) % around.len()];
                h = (b, next);
            }
            for simple in split_cycle(&cycle) {
                let polygon: Vec<PointMm> = simple.iter().map(|&i| p[i as usize]).collect();
                if polygon.len() < 3 || signed_area_twice_mm2(&polygon) <= 0 {
                    continue;
                }
                let thickness = (0..simple.len())
                    .map(|k| {
                        let (a, b) = (simple[k], simple[(k + 1) % simple.len()]);
                        graph.edges.get(&(a.min(b), a.max(b))).copied().flatten()
                    })
                    .collect();
                out.push(Face { polygon, thickness });
            }
        }
    }
    out
}

/// Splits a closed walk that visits a vertex twice into simple cycles.
fn split_cycle(cycle: &[u32]) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    let mut position: HashMap<u32, usize> = HashMap::new();
    for &v in cycle.iter().chain(cycle.first()) {
        if let Some(&k) = position.get(&v) {
            let loop_: Vec<u32> = stack.drain(k..).collect();
            for w in &loop_ {
                position.remove(w);
            }
            out.push(loop_);
        }
        position.insert(v, stack.len());
        stack.push(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(ax: i64, ay: i64, bx: i64, by: i64) -> Seg {
        Seg {
            a: PointMm::new(ax, ay),
            b: PointMm::new(bx, by),
            thickness: None,
            tag: 0,
        }
    }

    #[test]
    fn close_parallel_walls_apart_along_the_line_stay_where_they_are() {
        // Two pieces 1 mm apart side to side: overlapping, they are one wall at the longer
        // one's offset; 910 mm apart along the line, each keeps its own.
        let merged = merge_collinear(&[seg(2034, 0, 2034, 455), seg(2035, 200, 2035, 300)], 0.0);
        assert_eq!(merged.len(), 1);
        assert_eq!((merged[0].a.x, merged[0].b.x), (2034, 2034));
        let mut apart =
            merge_collinear(&[seg(2035, 0, 2035, 455), seg(2034, 1365, 2034, 1820)], 0.0);
        apart.sort_by_key(|s| s.a.y.min(s.b.y));
        let xs: Vec<(i64, i64)> = apart.iter().map(|s| (s.a.x, s.b.x)).collect();
        assert_eq!(xs, vec![(2035, 2035), (2034, 2034)]);
    }

    #[test]
    fn a_square_with_a_wall_in_it_has_two_faces() {
        let segs = [
            seg(0, 0, 2000, 0),
            seg(2000, 0, 2000, 1000),
            seg(2000, 1000, 0, 1000),
            seg(0, 1000, 0, 0),
            seg(1000, 0, 1000, 1000),
        ];
        let graph = build(&segs).unwrap();
        let mut areas: Vec<i128> = faces(&graph)
            .iter()
            .map(|f| signed_area_twice_mm2(&f.polygon))
            .collect();
        areas.sort_unstable();
        assert_eq!(areas, vec![2_000_000, 2_000_000]);
    }

    #[test]
    fn duplicates_and_small_gaps_merge() {
        let segs = [
            seg(0, 0, 1000, 0),
            seg(500, 0, 1500, 0),
            seg(1520, 0, 3000, 0),
            seg(0, 0, 1000, 0),
        ];
        let merged = merge_collinear(&segs, 50.0);
        assert_eq!(merged.len(), 1);
        assert_eq!(
            (merged[0].a, merged[0].b),
            (PointMm::new(0, 0), PointMm::new(3000, 0))
        );
    }

    #[test]
    fn split_cycle_separates_pinched_loops() {
        let loops = split_cycle(&[0, 1, 2, 0, 3, 4]);
        assert_eq!(loops, vec![vec![0, 1, 2], vec![0, 3, 4]]);
    }
}
