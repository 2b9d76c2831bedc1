//! The shared sort: the same order as the standard stable sort, and `f64_key` orders as
//! `f64::total_cmp`.

use madori_plan::order::{f64_key, i128_keys, sort_by_i64_key, sort_by_i64_keys};
use proptest::prelude::*;

#[test]
fn equal_keys_keep_their_order_and_special_floats_order_as_total_cmp() {
    let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
    sort_by_i64_key(&mut items, |&(k, _)| k);
    assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    let mut empty: Vec<u8> = Vec::new();
    sort_by_i64_key(&mut empty, |&b| i64::from(b));
    assert!(empty.is_empty());
    let ascending = [
        -f64::NAN,
        f64::NEG_INFINITY,
        -1e300,
        -1.0,
        -f64::MIN_POSITIVE,
        -0.0,
        0.0,
        5e-324,
        1.0,
        f64::MAX,
        f64::INFINITY,
        f64::NAN,
    ];
    let extremes = [
        i128::MIN,
        i128::MIN + 1,
        -(1 << 64),
        -1,
        0,
        1,
        u64::MAX as i128,
        1 << 64,
        i128::MAX,
    ];
    for pair in extremes.windows(2) {
        assert!(i128_keys(pair[0]) < i128_keys(pair[1]), "{pair:?}");
    }
    for pair in ascending.windows(2) {
        assert!(f64_key(pair[0]) < f64_key(pair[1]), "{pair:?}");
        assert!(!f64_key(pair[0]) > !f64_key(pair[1]), "{pair:?}");
    }
}

proptest! {
    #[test]
    fn sorts_as_the_standard_stable_sort(items in prop::collection::vec((-5i64..5, any::<u16>()), 0..60)) {
        let mut ours = items.clone();
        sort_by_i64_key(&mut ours, |&(k, _)| k);
        let mut std_sorted = items;
        std_sorted.sort_by_key(|&(k, _)| k);
        prop_assert_eq!(ours, std_sorted);
    }

    #[test]
    fn several_keys_sort_as_the_standard_stable_sort_of_tuples(
        items in prop::collection::vec((-3i64..3, -3i64..3, any::<i128>(), any::<u8>()), 0..60)
    ) {
        let mut ours = items.clone();
        sort_by_i64_keys(&mut ours, |&(a, b, c, _)| {
            let [c_hi, c_lo] = i128_keys(c);
            [a, b, c_hi, c_lo]
        });
        let mut std_sorted = items;
        std_sorted.sort_by_key(|&(a, b, c, _)| (a, b, c));
        prop_assert_eq!(ours, std_sorted);
    }

    #[test]
    fn i128_keys_order_as_the_number(a in any::<i128>(), b in any::<i128>()) {
        prop_assert_eq!(i128_keys(a).cmp(&i128_keys(b)), a.cmp(&b));
    }

    #[test]
    fn f64_keys_order_as_total_cmp(a in any::<f64>(), b in any::<f64>()) {
        prop_assert_eq!(f64_key(a).cmp(&f64_key(b)), a.total_cmp(&b));
    }
}
