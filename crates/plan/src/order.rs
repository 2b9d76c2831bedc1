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

/// Sorts `items` by several `i64` keys compared in order, as a tuple of them compares: one
/// stable pass per key, the last key first (least significant digit first, as a radix sort
/// does), so equal tuples keep their order. Time O(N · n log n).
pub fn sort_by_i64_keys<T, const N: usize>(items: &mut Vec<T>, key: impl Fn(&T) -> [i64; N]) {
    for k in (0..N).rev() {
        sort_by_i64_key(items, |item| key(item)[k]);
    }
}

/// Two `i64` keys that, compared in order, order as `value` does: its high half (signed),
/// then its low half (unsigned, shifted into `i64`'s order). For [`sort_by_i64_keys`].
pub fn i128_keys(value: i128) -> [i64; 2] {
    [(value >> 64) as i64, ((value as u64) ^ (1 << 63)) as i64]
}

/// An `i64` that orders as `f64::total_cmp` orders `value` (−NaN < −∞ < … < −0 < +0 < … <
/// +∞ < NaN): the bits of a negative number are flipped below the sign bit. `!key` orders
/// the other way round.
pub fn f64_key(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}
