//! Bytes as an HTML file saved under an `.xls` name, through the HTML table reader
//! (`sheet::html`: encoding choice, html5gum's tokenizer, the table builder, the cell
//! assembler). It must never panic, and what it gives must be a grid the recognisers can
//! trust: rows in order, cells inside the column bound, text tidied and within Excel's cell
//! length, merged regions well formed and inside the bounds, the stacked sheet within Excel's
//! rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::sheet::{self, Isi, html};

fuzz_target!(|data: &[u8]| {
    let Ok(lembar) = html::baca_bita(data, "fuzz.xls") else {
        return;
    };
    let mut nama = std::collections::HashSet::new();
    for g in &lembar {
        assert!(
            nama.insert(g.lembar.clone()),
            "nama lembar ganda {:?}",
            g.lembar
        );
        assert!(!g.baris.is_empty(), "lembar tanpa sel: {:?}", g.lembar);
        assert!(
            g.baris.windows(2).all(|w| w[0].r < w[1].r),
            "baris tidak urut"
        );
        for b in &g.baris {
            assert!(b.r < html::BARIS_MAKS, "baris {} di luar lembar Excel", b.r);
            assert!(b.sel.len() <= sheet::KOLOM_MAKS as usize);
            for isi in &b.sel {
                match isi {
                    Isi::Kosong => {}
                    Isi::Teks(t) => {
                        assert!(!t.is_empty() && *t == sheet::rapikan(t), "{t:?}");
                        assert!(t.chars().count() <= sheet::TEKS_SEL_MAKS);
                    }
                    lain => panic!("HTML memberi sel bukan teks: {lain:?}"),
                }
            }
        }
        for m in &g.gabungan {
            assert!(m.r0 <= m.r1 && m.c0 <= m.c1, "{m:?}");
            assert!(m.c1 < sheet::KOLOM_MAKS, "{m:?}");
            assert!(m.r1 - m.r0 < 65_534 && m.c1 - m.c0 < 1000, "{m:?}");
        }
    }
});
