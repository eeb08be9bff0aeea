//! Bytes as a `.csv` file through the CSV reader (`sheet::csv`: encoding choice, delimiter
//! guess, the blank-line rows, the `csv` crate, the cell assembler). It must never panic, and
//! what it gives must be a grid the recognisers can trust: rows in order, cells inside the
//! column bound, text tidied, no merged regions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::sheet::{self, Isi, csv};

fuzz_target!(|data: &[u8]| {
    let Ok(g) = csv::baca_bita(data, "fuzz.csv", "fuzz") else {
        return;
    };
    assert!(g.gabungan.is_empty());
    assert!(
        g.baris.windows(2).all(|w| w[0].r < w[1].r),
        "baris tidak urut"
    );
    for b in &g.baris {
        assert!(b.sel.len() <= sheet::KOLOM_MAKS as usize);
        for isi in &b.sel {
            match isi {
                Isi::Kosong => {}
                Isi::Teks(t) => assert!(!t.is_empty() && *t == sheet::rapikan(t), "{t:?}"),
                lain => panic!("CSV memberi sel bukan teks: {lain:?}"),
            }
        }
    }
    // The row of a record is its line in Excel: never past the number of line breaks.
    if let Some(akhir) = g.baris.last() {
        let patah = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
        assert!(
            akhir.r as usize <= patah,
            "baris {} dari {patah} patah baris",
            akhir.r
        );
    }
});
