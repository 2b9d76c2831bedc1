//! Share links (`madori_plan::share`): round trips, the length limit exactly at its edge,
//! every refusal, decompression bombs, random input, and a short run of the fuzz harness.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use madori_plan::format::{from_json, to_json_compact, MAX_FILE_BYTES};
use madori_plan::share::{decode, encode, TooLarge, FRAGMENT_PREFIX, MAX_LINK_CHARS, VERSION};
use madori_plan::{
    templates, CheckSettings, CheckValue, EmbeddedImage, Plan, PointMm, Problem, Underlay, Variant,
};
use proptest::prelude::*;

#[path = "../examples/fuzz_share.rs"]
#[allow(dead_code)]
mod fuzz_share;

fn template(name: &str) -> Plan {
    from_json(templates::get(name).unwrap()).unwrap()
}

/// Link data holding these deflate bytes, as `encode` writes it.
fn link_of(deflated: &[u8]) -> String {
    let mut link = String::from(VERSION);
    URL_SAFE_NO_PAD.encode_string(deflated, &mut link);
    link
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 10)
}

/// A deflate stream of stored blocks: it inflates to exactly `bytes`, whatever they are.
fn stored(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut chunks = bytes.chunks(u16::MAX as usize).peekable();
    if chunks.peek().is_none() {
        return vec![1, 0, 0, 0xff, 0xff];
    }
    while let Some(chunk) = chunks.next() {
        out.push(u8::from(chunks.peek().is_none()));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out
}

/// The one problem a link is refused with; it is about the whole link and has both
/// languages.
fn refusal(link: &str) -> Problem {
    let problems = decode(link).expect_err("the link should be refused");
    assert_eq!(problems.len(), 1, "{link:.80}: {problems:#?}");
    let problem = problems.into_iter().next().unwrap();
    assert_eq!(problem.path, "", "{problem:?}");
    assert!(!problem.message_ja.is_empty() && !problem.message_en.is_empty());
    problem
}

fn is_base64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

#[test]
fn every_template_round_trips_through_a_link() {
    for (name, _) in templates::TEMPLATES {
        let plan = template(name);
        let data = encode(&plan).unwrap();
        println!("{name}: {} characters", data.len());
        assert!(data.starts_with(VERSION), "{name}");
        assert!(data.chars().all(is_base64url), "{name}: {data}");
        // Small enough for a QR code (at most 2 953 bytes) with the app's URL before it.
        assert!(data.len() < 2_000, "{name}: {} characters", data.len());
        for link in [
            data.clone(),
            format!("{FRAGMENT_PREFIX}{data}"),
            format!("#{FRAGMENT_PREFIX}{data}"),
            format!("#{data}"),
            format!("  https://madori.example/app/#{FRAGMENT_PREFIX}{data}\n"),
        ] {
            assert_eq!(decode(&link).as_ref(), Ok(&plan), "{name}: {link:.60}");
        }
    }
}

#[test]
fn format_2_parts_travel_and_embedded_images_do_not() {
    let mut plan = template("wooden-house-shared");
    plan.check = Some(CheckSettings {
        profile: "sh-single".into(),
        local_override: Some("toshima".into()),
        values: vec![CheckValue {
            key: "area.basis_interior".into(),
            value: 1.0,
            source: "豊島区との協議 2026-10".into(),
        }],
    });
    plan.storeys[0].underlay = Some(Underlay {
        image: "img-1".into(),
        width_px: 4032,
        height_px: 3024,
        origin: PointMm::new(-1200, -800),
        mm_per_px: 7.4231,
        rotation_deg: -1.25,
        opacity_percent: 40,
        hidden: false,
        locked: true,
    });
    let existing = template("kodan-3dk");
    plan.variants = vec![Variant {
        id: "proposal-a".into(),
        name: "計画案A".into(),
        note: "和室を二つの個室に分けます".into(),
        dwelling: existing.dwelling,
        check: None,
        storeys: existing.storeys,
    }];
    let without_images = plan.clone();
    // A large image: were it in the link, the link would be far too long.
    plan.images = vec![EmbeddedImage {
        id: "img-1".into(),
        data_url: format!("data:image/png;base64,{}", "iVBORw0KGgo".repeat(20_000)),
    }];
    let data = encode(&plan).unwrap();
    assert!(!data.contains("iVBOR"));
    let back = decode(&data).unwrap();
    assert!(back.images.is_empty());
    assert_eq!(back, without_images);
    assert_eq!(back.storeys[0].underlay, plan.storeys[0].underlay);
}

#[test]
fn the_641_room_plan_fits_and_a_1000_room_plan_does_not() {
    let plan = templates::irregular(641, 2, 1);
    let data = encode(&plan).unwrap();
    println!("irregular(641, 2, 1): {} characters", data.len());
    assert!(data.len() <= MAX_LINK_CHARS);
    assert_eq!(decode(&data), Ok(plan));

    let big = templates::irregular(1_000, 2, 1);
    let err = encode(&big).unwrap_err();
    println!("irregular(1000, 2, 1): {} characters", err.chars);
    assert_eq!(err.max, MAX_LINK_CHARS);
    assert!(err.chars > MAX_LINK_CHARS, "{err:?}");
    assert!(
        err.message_ja().contains("ファイルに保存"),
        "{}",
        err.message_ja()
    );
    assert!(
        err.message_en().contains("Save it as a file"),
        "{}",
        err.message_en()
    );
    assert!(err.message_en().contains(&err.chars.to_string()));
    assert_eq!(
        err.to_string(),
        format!("{} / {}", err.message_en(), err.message_ja())
    );
    // The same plan in a link made by hand is refused for its length, before decoding.
    let by_hand = link_of(&deflate(to_json_compact(&big).as_bytes()));
    assert!(by_hand.len() > MAX_LINK_CHARS);
    let problem = refusal(&by_hand);
    assert!(
        problem.message_en.contains("too long"),
        "{}",
        problem.message_en
    );
}

/// The link data length of a plan, from `encode`'s answer either way.
fn link_chars(plan: &Plan) -> usize {
    match encode(plan) {
        Ok(data) => data.len(),
        Err(TooLarge { chars, .. }) => chars,
    }
}

/// A plan named with the first `n` characters of a random name of hexadecimal digits. Each
/// digit adds about half a byte of deflate data, so some length gives every size of link.
fn named(base: &Plan, name: &str, n: usize) -> Plan {
    let mut plan = base.clone();
    plan.name = name[..n].to_owned();
    plan
}

/// The name length whose link has exactly `target` characters: bisection for where the
/// link reaches `target` (links grow with the name, nearly monotonically), then a look
/// around it.
fn name_length_for(base: &Plan, name: &str, target: usize) -> usize {
    let chars = |n| link_chars(&named(base, name, n));
    let (mut below, mut reaches) = (0, name.len());
    assert!(chars(below) < target && chars(reaches) >= target);
    while reaches - below > 1 {
        let middle = below + (reaches - below) / 2;
        if chars(middle) < target {
            below = middle;
        } else {
            reaches = middle;
        }
    }
    (reaches.saturating_sub(16)..reaches + 16)
        .find(|&n| chars(n) == target)
        .unwrap_or_else(|| panic!("no name length gives a link of {target} characters"))
}

#[test]
fn a_link_of_exactly_max_link_chars_is_made_and_read_and_one_more_is_refused() {
    let base = template("caretaker-2k");
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let alphabet = b"0123456789abcdef";
    let name: String = (0..2 * MAX_LINK_CHARS)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            char::from(alphabet[(state % alphabet.len() as u64) as usize])
        })
        .collect();

    let at = named(&base, &name, name_length_for(&base, &name, MAX_LINK_CHARS));
    let data = encode(&at).unwrap();
    assert_eq!(data.len(), MAX_LINK_CHARS);
    assert_eq!(decode(&data).as_ref(), Ok(&at));
    assert_eq!(
        decode(&format!("#{FRAGMENT_PREFIX}{data}")).as_ref(),
        Ok(&at),
        "the prefix does not count"
    );

    let over = named(
        &base,
        &name,
        name_length_for(&base, &name, MAX_LINK_CHARS + 1),
    );
    assert_eq!(
        encode(&over),
        Err(TooLarge {
            chars: MAX_LINK_CHARS + 1,
            max: MAX_LINK_CHARS
        })
    );
    // One character more than the limit is refused for its length, whatever it holds.
    let problem = refusal(&format!("{data}A"));
    assert!(
        problem
            .message_en
            .contains(&format!("{} characters", MAX_LINK_CHARS + 1)),
        "{}",
        problem.message_en
    );
}

#[test]
fn a_link_without_data_is_refused() {
    for link in [
        "",
        "#",
        "plan=",
        "#plan=",
        "  ",
        "https://madori.example/#plan=",
    ] {
        let problem = refusal(link);
        assert!(
            problem.message_en.contains("holds no plan"),
            "{link:?}: {}",
            problem.message_en
        );
    }
}

#[test]
fn an_unknown_version_is_refused_as_from_a_newer_madori() {
    let data = encode(&template("kodan-3dk")).unwrap();
    for version in ['0', '2', '9', 'a', 'Z'] {
        let link = format!("{version}{}", &data[1..]);
        let problem = refusal(&link);
        assert!(
            problem.message_en.contains("newer Madori")
                && problem.message_en.contains(&format!("\"{version}\"")),
            "{}",
            problem.message_en
        );
        assert!(problem.message_ja.contains("新しい Madori"));
    }
}

#[test]
fn a_character_outside_base64url_is_refused_with_its_position() {
    let data = encode(&template("kodan-3dk")).unwrap();
    let cases = [
        (format!("{}%3D{}", &data[..4], &data[4..]), 5, "'%'"),
        (format!("{data}="), data.len() + 1, "'='"),
        (format!("{}+{}", &data[..10], &data[11..]), 11, "'+'"),
        (format!("{}/{}", &data[..10], &data[11..]), 11, "'/'"),
        (format!("{} {}", &data[..2], &data[2..]), 3, "' '"),
        (format!("{}é{}", &data[..2], &data[2..]), 3, "'é'"),
        ("-abc".to_owned(), 1, "'-'"),
        ("#plan=#1abc".to_owned(), 1, "'#'"),
    ];
    for (link, position, shown) in cases {
        let problem = refusal(&link);
        assert!(
            problem
                .message_en
                .contains(&format!("character {position} of the share link, {shown}")),
            "{link:.20}: {}",
            problem.message_en
        );
        assert!(problem.message_ja.contains(&format!("{position} 文字目")));
    }
}

#[test]
fn a_link_cut_short_is_refused() {
    let data = encode(&template("wooden-house-4ldk")).unwrap();
    let payload = data.len() - 1;
    // Cut to a length no base64url has (4k + 1 characters).
    let cut = 1 + (payload - 1) / 4 * 4 + 1;
    let problem = refusal(&data[..cut]);
    assert!(
        problem
            .message_en
            .contains("cut off or has a character too many"),
        "{}",
        problem.message_en
    );
    // A last character with bits that no encoder writes.
    let problem = refusal("1AB");
    assert!(
        problem.message_en.contains("cut off"),
        "{}",
        problem.message_en
    );
    // Cut to whole groups of four characters: the base64url is sound, but the deflate
    // stream ends before its final block.
    for keep in [4, 8, payload / 2, payload - 4] {
        let keep = keep / 4 * 4;
        let problem = refusal(&data[..1 + keep]);
        assert!(
            problem.message_en.contains("ends too early"),
            "{keep}: {}",
            problem.message_en
        );
    }
    // Any cut is refused as one.
    for keep in 0..payload {
        let problem = refusal(&data[..1 + keep]);
        assert!(
            problem.message_en.contains("cut off") || problem.message_en.contains("holds no plan"),
            "{keep}: {}",
            problem.message_en
        );
    }
}

#[test]
fn deflate_garbage_and_non_text_are_refused() {
    // Block type 3 does not exist.
    for garbage in [
        vec![0xff; 40],
        vec![0x07, 0x00],
        b"not deflate at all".to_vec(),
    ] {
        let problem = refusal(&link_of(&garbage));
        assert!(
            problem.message_en.contains("not valid compressed data")
                || problem.message_en.contains("ends too early"),
            "{garbage:?}: {}",
            problem.message_en
        );
    }
    let problem = refusal(&link_of(&[0xff; 40]));
    assert!(problem.message_en.contains("not valid compressed data"));
    let problem = refusal(&link_of(&deflate(&[0xff, 0xfe, b'{', b'}'])));
    assert!(
        problem.message_en.contains("not text"),
        "{}",
        problem.message_en
    );
}

#[test]
fn decompression_bombs_stop_at_the_file_limit() {
    // 40 MB of zeros in a link under MAX_LINK_CHARS: the inflater stops at MAX_FILE_BYTES.
    for size in [MAX_FILE_BYTES + 1, 40_000_000] {
        let link = link_of(&deflate(&vec![0; size]));
        assert!(link.len() <= MAX_LINK_CHARS, "{size}: {}", link.len());
        let problem = refusal(&link);
        assert!(
            problem.message_en.contains("expands to more than 20 MiB"),
            "{size}: {}",
            problem.message_en
        );
    }
    // 10 MB of zeros is within the limit: it inflates, and the loader refuses it as JSON.
    let problem = refusal(&link_of(&deflate(&vec![0; 10_000_000])));
    assert!(
        problem.message_en.contains("not valid JSON"),
        "{}",
        problem.message_en
    );
    // Exactly MAX_FILE_BYTES inflates and reaches the loader, as a file of that size does.
    let mut text = vec![b' '; MAX_FILE_BYTES - 4];
    text.extend_from_slice(b"null");
    let link = link_of(&deflate(&text));
    let text = String::from_utf8(text).unwrap();
    assert_eq!(decode(&link).unwrap_err(), from_json(&text).unwrap_err());
    assert_eq!(from_json(&text).unwrap_err()[0].path, "format_version");
}

#[test]
fn a_plan_in_a_link_is_checked_as_in_a_file() {
    let text = templates::get("kodan-3dk")
        .unwrap()
        .replacen("\"private\"", "\"dungeon\"", 2);
    let from_file = from_json(&text).unwrap_err();
    assert!(from_file.len() >= 2, "{from_file:#?}");
    assert_eq!(decode(&link_of(&deflate(text.as_bytes()))), Err(from_file));
    assert_eq!(
        decode(&link_of(&deflate(b"{"))),
        Err(from_json("{").unwrap_err())
    );
}

proptest! {
    #[test]
    fn any_text_is_refused_or_read_without_panic(text in any::<String>()) {
        if let Err(problems) = decode(&text) {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn any_base64url_is_refused_or_read_without_panic(text in "1[A-Za-z0-9_-]{0,400}") {
        if let Err(problems) = decode(&text) {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn any_deflate_bytes_are_refused_or_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Err(problems) = decode(&link_of(&bytes)) {
            prop_assert!(!problems.is_empty());
        }
    }

    /// Bytes that inflate as they are reach the loader, which answers as for a file.
    #[test]
    fn any_inflated_bytes_are_answered_as_a_file(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let result = decode(&link_of(&stored(&bytes)));
        match String::from_utf8(bytes) {
            Ok(text) => prop_assert_eq!(result, from_json(&text)),
            Err(_) => {
                let problems = result.unwrap_err();
                prop_assert!(problems.len() == 1 && problems[0].message_en.contains("not text"));
            }
        }
    }
}

#[test]
fn fuzzing_share_links_finds_no_failure() {
    let stats = fuzz_share::run(5_000, 7);
    assert_eq!(stats.executions, 5_000);
    assert!(
        stats.failures.is_empty(),
        "{} failures; the first: {:?}",
        stats.failures.len(),
        stats.failures.first()
    );
    // The mutations reach every stage: the link, the inflater and the loader, and some load.
    assert!(
        stats.loads > 0
            && stats.refused_link > 0
            && stats.refused_inflate > 0
            && stats.refused_plan > 0,
        "{stats:?}"
    );
}
