//! Double-line walls to wall-centre (壁芯) lines.
//!
//! A wall drawn as two parallel lines (its faces) becomes one line halfway between them,
//! with the spacing as its thickness. Faces are paired greedily, closest spacing first,
//! and each stretch of a face line is used by one pair only, so a line between two walls
//! (or a finish line beside a face) cannot make two walls. A paired stretch no longer than
//! its spacing is two jambs facing each other across a pier, not a wall, and is left out.

use crate::graph::{direction_groups, merge_collinear, Seg};
use crate::{ErrorKind, ImportError};

/// Candidate pairs beyond this are refused (dense hatching).
pub const MAX_PAIRS: usize = 2_000_000;

/// The centre lines of the walls found, and which of `lines` (after merging) were used.
pub struct Paired {
    /// Centre segments with thickness.
    pub centres: Vec<Seg>,
    /// The merged face lines.
    pub lines: Vec<Seg>,
    /// Whether each merged line took part in a wall.
    pub used: Vec<bool>,
}

/// Pairs parallel face lines `min_mm..=max_mm` apart.
pub fn pair(faces: &[Seg], snap_mm: f64, min_mm: f64, max_mm: f64) -> Result<Paired, ImportError> {
    let lines = merge_collinear(faces, snap_mm);
    let mut used = vec![false; lines.len()];
    let mut centres = Vec::new();
    let mut tests = 0usize;
    for (line, members) in direction_groups(&lines, 0.5) {
        // (rho, t0, t1, index)
        let mut placed: Vec<(f64, f64, f64, usize)> = members
            .iter()
            .map(|&i| {
                let s = &lines[i];
                let (t0, t1) = (line.t(s.a), line.t(s.b));
                (
                    (line.rho(s.a) + line.rho(s.b)) / 2.0,
                    t0.min(t1),
                    t0.max(t1),
                    i,
                )
            })
            .collect();
        placed.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for i in 0..placed.len() {
            for j in i + 1..placed.len() {
                let spacing = placed[j].0 - placed[i].0;
                if spacing > max_mm {
                    break;
                }
                // Collinear pieces (a dashed line drawn as separate lines) are all within
                // reach of each other: bound the tests, not only the pairs.
                tests += 1;
                if tests > crate::graph::MAX_PAIR_TESTS {
                    return Err(too_dense());
                }
                if spacing >= min_mm && placed[i].1 < placed[j].2 && placed[j].1 < placed[i].2 {
                    candidates.push((spacing, i, j));
                    if candidates.len() > MAX_PAIRS {
                        return Err(too_dense());
                    }
                }
            }
        }
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut free: Vec<Vec<(f64, f64)>> = placed.iter().map(|p| vec![(p.1, p.2)]).collect();
        for (spacing, i, j) in candidates {
            let lo = placed[i].1.max(placed[j].1);
            let hi = placed[i].2.min(placed[j].2);
            let common = intersect(&free[i], lo, hi);
            let common: Vec<(f64, f64)> = common
                .into_iter()
                .flat_map(|(a, b)| intersect(&free[j], a, b))
                .collect();
            if common.is_empty() {
                continue;
            }
            let rho = (placed[i].0 + placed[j].0) / 2.0;
            let thickness = spacing.round().clamp(1.0, f64::from(u32::MAX)) as u32;
            for &(a, b) in &common {
                subtract(&mut free[i], a, b);
                subtract(&mut free[j], a, b);
                if b - a <= spacing {
                    continue;
                }
                let (p, q) = (line.point(a, rho), line.point(b, rho));
                if p != q {
                    used[placed[i].3] = true;
                    used[placed[j].3] = true;
                    centres.push(Seg {
                        a: p,
                        b: q,
                        thickness: Some(thickness),
                        tag: lines[placed[i].3].tag,
                    });
                }
            }
        }
    }
    Ok(Paired {
        centres,
        lines,
        used,
    })
}

fn too_dense() -> ImportError {
    ImportError::new(
        ErrorKind::TooComplex,
        "平行線が込み入りすぎていて壁を求められません",
        "too many close parallel lines to find the walls",
    )
}

/// The parts of `intervals` inside `[lo, hi]`, longer than half a millimetre.
fn intersect(intervals: &[(f64, f64)], lo: f64, hi: f64) -> Vec<(f64, f64)> {
    intervals
        .iter()
        .filter_map(|&(a, b)| {
            let (a, b) = (a.max(lo), b.min(hi));
            (b - a > 0.5).then_some((a, b))
        })
        .collect()
}

/// Removes `[lo, hi]` from `intervals`.
fn subtract(intervals: &mut Vec<(f64, f64)>, lo: f64, hi: f64) {
    let mut out = Vec::with_capacity(intervals.len() + 1);
    for &(a, b) in intervals.iter() {
        if b <= lo || a >= hi {
            out.push((a, b));
            continue;
        }
        if a < lo {
            out.push((a, lo));
        }
        if b > hi {
            out.push((hi, b));
        }
    }
    *intervals = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use madori_plan::PointMm;

    fn seg(ax: i64, ay: i64, bx: i64, by: i64) -> Seg {
        Seg {
            a: PointMm::new(ax, ay),
            b: PointMm::new(bx, by),
            thickness: None,
            tag: 0,
        }
    }

    #[test]
    fn two_faces_make_one_centre_line() {
        let paired = pair(
            &[seg(0, -60, 3000, -60), seg(0, 60, 3000, 60)],
            50.0,
            60.0,
            300.0,
        )
        .unwrap();
        assert_eq!(paired.centres.len(), 1);
        let c = paired.centres[0];
        assert_eq!(
            (c.a, c.b, c.thickness),
            (PointMm::new(0, 0), PointMm::new(3000, 0), Some(120))
        );
        assert_eq!(paired.used, vec![true, true]);
    }

    #[test]
    fn a_middle_line_is_used_once() {
        let paired = pair(
            &[
                seg(0, 0, 3000, 0),
                seg(0, 120, 3000, 120),
                seg(0, 240, 3000, 240),
            ],
            50.0,
            60.0,
            300.0,
        )
        .unwrap();
        assert_eq!(paired.centres.len(), 1);
        assert_eq!(paired.used.iter().filter(|u| **u).count(), 2);
    }
}
