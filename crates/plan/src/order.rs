//! Sorting through one shared routine, to keep the app's wasm small.
//!
//! Every distinct `sort_by` call site compiles to its own copy of the standard library's
//! sort (a few KB of wasm each). The helpers here turn each element into an `i64` key and
//! sort `(key, index)` pairs with the single `[(i64, usize)]::sort_unstable` copy, then move
//! the elements into that order: the index breaks ties, so the result is the stable order.
//! Time O(n log n), memory O(n) extra.

/// Sorts `items` by `key`, keeping equal keys in their order (as `sort_by_key` does).
pub fn sort_by_i64_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> i64) {
    let mut order: Vec<(i64, usize)> = items.iter().map(key).zip(0..).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// An `i64` that orders as `f64::total_cmp` orders `value` (−NaN < −∞ < … < −0 < +0 < … <
/// +∞ < NaN): the bits of a negative number are flipped below the sign bit. `!key` orders
/// the other way round.
pub fn f64_key(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}
