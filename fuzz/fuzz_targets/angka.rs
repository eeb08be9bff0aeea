//! The number parser: any text as rupiah and as a percentage, and any f64 bit pattern as a
//! number cell. Neither may panic; what it accepts must print and read back the same. (A
//! percentage of 1.000 or more does not: `997.777` in a percentage column is read as 997,777
//! by design — DESIGN.md, ambiguous text is resolved by the column — nor does rupiah with a
//! third decimal, which the column reader refuses.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::angka::{self, JenisAngka};

fuzz_target!(|data: &[u8]| {
    if data.len() >= 8 {
        let f = f64::from_le_bytes(data[..8].try_into().unwrap());
        let _ = angka::dari_f64(f);
    }
    let Ok(teks) = std::str::from_utf8(data) else {
        return;
    };
    for jenis in [JenisAngka::Rupiah, JenisAngka::Persen] {
        if let Ok(Some(a)) = angka::baca_teks(teks, jenis)
            && match jenis {
                // Rupiah columns take sen only (the column reader refuses a third decimal,
                // which `877,425` would read back as thousands).
                JenisAngka::Rupiah => a.desimal <= 2,
                JenisAngka::Persen => a.nilai.abs() < rust_decimal::Decimal::ONE_THOUSAND,
            }
        {
            let tulis = angka::tulis(a.nilai, a.desimal);
            let balik = angka::baca_teks(&tulis, jenis);
            assert!(
                matches!(balik, Ok(Some(b)) if b.nilai == a.nilai),
                "{teks:?} → {tulis:?} → {balik:?}"
            );
        }
    }
});
