//! Angka: reading and writing the numbers of Indonesian budget documents.
//!
//! Money and percentages are [`Decimal`] end to end. A number arrives either as a float cell
//! (converted through its shortest round-trip text, never a binary cast) or as text written the
//! way reports write it: `1.234.567,89`, `Rp. 112.041.250,-`, `(1.234)`, `99,17%`, `-`, and
//! sometimes `2,877,638,950` the other way round. The column tells what kind of number is
//! expected, which resolves text such as `1.234` (rupiah has no fractional thousandths).

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// What a column holds; decides how ambiguous separators are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisAngka {
    Rupiah,
    Persen,
}

/// A number as a document states it: its value and how many decimals were written, so it can
/// be compared with a recomputation at the precision it was stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Angka {
    pub nilai: Decimal,
    /// Decimals as written (`96,46` → 2, `100` → 0). For float cells, the decimals of the
    /// shortest round-trip text, capped (see [`dari_f64`]).
    pub desimal: u32,
}

/// Why a text is not a number; the caller adds file, sheet and cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{teks}' bukan angka: {alasan}")]
pub struct BukanAngka {
    pub teks: String,
    pub alasan: &'static str,
}

/// Rounds half away from zero, as Excel's ROUND does (the crate's default is banker's).
pub fn bulat(nilai: Decimal, desimal: u32) -> Decimal {
    nilai.round_dp_with_strategy(desimal, RoundingStrategy::MidpointAwayFromZero)
}

/// The decimals a float may honestly claim. Beyond this a float's digits are binary noise
/// (`57456457922.650024` is money rounded to the cent).
const DESIMAL_FLOAT_MAKS: u32 = 6;

/// A float cell as a Decimal, through its shortest round-trip text.
pub fn dari_f64(f: f64) -> Option<Angka> {
    if !f.is_finite() {
        return None;
    }
    // The shortest round-trip text, written into a reused buffer: a large sheet has
    // hundreds of thousands of numbers.
    thread_local! {
        static TEKS: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let nilai = TEKS.with_borrow_mut(|teks| {
        use std::fmt::Write;
        teks.clear();
        let _ = write!(teks, "{f}");
        Decimal::from_str(teks)
            .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
            .ok()
    })?;
    let desimal = nilai.scale().min(DESIMAL_FLOAT_MAKS);
    Some(Angka {
        nilai: bulat(nilai, desimal).normalize(),
        desimal,
    })
}

/// Reads a number written as text. `Ok(None)` for an empty cell; `-`, `–` and `—` are zero
/// (reports write zero as a dash).
pub fn baca_teks(teks: &str, jenis: JenisAngka) -> Result<Option<Angka>, BukanAngka> {
    let galat = |alasan| BukanAngka {
        teks: teks.to_string(),
        alasan,
    };
    let mut s: String = teks
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if s.is_empty() {
        return Ok(None);
    }
    if matches!(s.as_str(), "-" | "–" | "—" | "-,-" | "-,00") {
        return Ok(Some(Angka {
            nilai: Decimal::ZERO,
            desimal: 0,
        }));
    }
    let mut negatif = false;
    if s.starts_with('(') && s.ends_with(')') {
        negatif = true;
        s = s[1..s.len() - 1].to_string();
    }
    let tanpa_rp = s
        .strip_prefix("Rp.")
        .or_else(|| s.strip_prefix("Rp"))
        .or_else(|| s.strip_prefix("RP."))
        .or_else(|| s.strip_prefix("RP"))
        .or_else(|| s.strip_prefix("IDR"))
        .unwrap_or(&s);
    let mut s = tanpa_rp.to_string();
    for akhiran in [",-", ".-", "%"] {
        if let Some(t) = s.strip_suffix(akhiran) {
            s = t.to_string();
        }
    }
    if let Some(t) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negatif = !negatif;
        s = t.to_string();
    }
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(galat("hanya angka, titik dan koma yang boleh"));
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(galat("angka harus diawali digit"));
    }
    let (bulat_teks, pecahan) =
        pisah_desimal(&s, jenis).ok_or_else(|| galat("pemisah ribuan tidak teratur"))?;
    let digit: String = bulat_teks.chars().filter(char::is_ascii_digit).collect();
    let teks_angka = if pecahan.is_empty() {
        digit
    } else {
        format!("{digit}.{pecahan}")
    };
    let mut nilai = Decimal::from_str(&teks_angka).map_err(|_| galat("terlalu besar"))?;
    if negatif {
        nilai = -nilai;
    }
    Ok(Some(Angka {
        nilai,
        desimal: pecahan.len() as u32,
    }))
}

/// Splits digits with separators into the integer part (separators kept, checked) and the
/// decimals. Whichever of `.` and `,` comes last and once is the decimal mark when both
/// appear; a lone separator repeated is a thousands separator; a single one is decimal unless
/// it is followed by exactly three digits in a rupiah column.
fn pisah_desimal(s: &str, jenis: JenisAngka) -> Option<(String, String)> {
    let titik = s.matches('.').count();
    let koma = s.matches(',').count();
    let (ribuan, desimal): (Option<char>, Option<char>) = match (titik, koma) {
        (0, 0) => (None, None),
        (_, 0) | (0, _) => {
            let sep = if titik > 0 { '.' } else { ',' };
            let n = titik + koma;
            let setelah = s.len() - s.rfind(sep)? - 1;
            if n > 1 || (setelah == 3 && jenis == JenisAngka::Rupiah) {
                (Some(sep), None)
            } else {
                (None, Some(sep))
            }
        }
        _ => {
            let akhir_titik = s.rfind('.')?;
            let akhir_koma = s.rfind(',')?;
            if akhir_koma > akhir_titik && koma == 1 {
                (Some('.'), Some(','))
            } else if akhir_titik > akhir_koma && titik == 1 {
                (Some(','), Some('.'))
            } else {
                return None;
            }
        }
    };
    let (bagian_bulat, pecahan) = match desimal {
        Some(d) => {
            let i = s.rfind(d)?;
            (&s[..i], &s[i + 1..])
        }
        None => (s, ""),
    };
    if let Some(r) = ribuan {
        let kelompok: Vec<&str> = bagian_bulat.split(r).collect();
        let pertama = kelompok[0].len();
        if !(1..=3).contains(&pertama) || kelompok[1..].iter().any(|k| k.len() != 3) {
            return None;
        }
    }
    if bagian_bulat.is_empty() || pecahan.contains(['.', ',']) {
        return None;
    }
    Some((bagian_bulat.to_string(), pecahan.to_string()))
}

/// `1234567.8` → `1.234.567,80`: rupiah as Indonesian reports write it, two decimals.
pub fn tulis_rupiah(nilai: Decimal) -> String {
    tulis(nilai, 2)
}

/// `96.4617` → `96,46`: a percentage with two decimals, rounded half away from zero.
pub fn tulis_persen(nilai: Decimal) -> String {
    tulis(nilai, 2)
}

/// Indonesian notation with thousands dots and a decimal comma, rounded half away from zero.
pub fn tulis(nilai: Decimal, desimal: u32) -> String {
    let b = bulat(nilai, desimal);
    let negatif = b.is_sign_negative() && !b.is_zero();
    let teks = format!("{:.*}", desimal as usize, b.abs());
    let (utuh, pecahan) = teks.split_once('.').unwrap_or((&teks, ""));
    let mut hasil = String::with_capacity(teks.len() + utuh.len() / 3 + 1);
    if negatif {
        hasil.push('-');
    }
    for (i, c) in utuh.chars().enumerate() {
        if i > 0 && (utuh.len() - i) % 3 == 0 {
            hasil.push('.');
        }
        hasil.push(c);
    }
    if !pecahan.is_empty() {
        hasil.push(',');
        hasil.push_str(pecahan);
    }
    hasil
}

/// Whether a stated number agrees with a recomputed one at the precision it was stated in:
/// `96,46` agrees with 96.4617…, `96,5` with 96.46, `96` with 96.46.
pub fn sama_pada_presisi(tertulis: Angka, hitung: Decimal) -> bool {
    bulat(hitung, tertulis.desimal) == bulat(tertulis.nilai, tertulis.desimal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn rp(s: &str) -> Decimal {
        baca_teks(s, JenisAngka::Rupiah).unwrap().unwrap().nilai
    }
    fn pr(s: &str) -> Decimal {
        baca_teks(s, JenisAngka::Persen).unwrap().unwrap().nilai
    }

    #[test]
    fn bentuk_rupiah_dari_dokumen() {
        assert_eq!(rp("1.234.567,89"), d("1234567.89"));
        assert_eq!(rp("2,877,638,950"), d("2877638950"));
        assert_eq!(rp("Rp 1.234"), d("1234"));
        assert_eq!(rp("Rp. 112.041.250,-"), d("112041250"));
        assert_eq!(rp("112.041.250.-"), d("112041250"));
        assert_eq!(rp("(1.234)"), d("-1234"));
        assert_eq!(rp("-"), Decimal::ZERO);
        assert_eq!(rp("–"), Decimal::ZERO);
        assert_eq!(rp("30.177.653.595,00"), d("30177653595"));
        assert_eq!(rp("467.998.630.663,83"), d("467998630663.83"));
        assert_eq!(rp("Rp\u{a0}29.109.889.488,00"), d("29109889488"));
        assert_eq!(rp("2,877,638.95"), d("2877638.95"));
        assert_eq!(rp("0,00"), Decimal::ZERO);
        assert_eq!(rp("-1.500"), d("-1500"));
        assert_eq!(baca_teks("", JenisAngka::Rupiah), Ok(None));
        assert_eq!(baca_teks("   ", JenisAngka::Rupiah), Ok(None));
    }

    #[test]
    fn bentuk_persen_dari_dokumen() {
        assert_eq!(pr("99,17%"), d("99.17"));
        assert_eq!(pr("100 %"), d("100"));
        assert_eq!(pr("87,40"), d("87.40"));
        assert_eq!(pr("0.9059"), d("0.9059"));
        assert_eq!(pr("90.59"), d("90.59"));
        assert_eq!(
            baca_teks("87,40", JenisAngka::Persen)
                .unwrap()
                .unwrap()
                .desimal,
            2
        );
        assert_eq!(
            baca_teks("100", JenisAngka::Persen)
                .unwrap()
                .unwrap()
                .desimal,
            0
        );
    }

    #[test]
    fn titik_tunggal_dibaca_menurut_kolom() {
        // Rupiah has no fractional thousandths, so `1.234` is one thousand two hundred ...
        assert_eq!(rp("1.234"), d("1234"));
        assert_eq!(rp("1,234"), d("1234"));
        // ... while a percentage keeps its decimals.
        assert_eq!(pr("1,234"), d("1.234"));
        assert_eq!(rp("12,5"), d("12.5"));
    }

    #[test]
    fn teks_yang_bukan_angka_ditolak() {
        for teks in [
            "abc",
            "12a",
            "1.23.4",
            "Rp",
            "1,2,3.4.5",
            ".5",
            "1..2",
            "n/a",
        ] {
            assert!(baca_teks(teks, JenisAngka::Rupiah).is_err(), "{teks}");
        }
    }

    #[test]
    fn float_lewat_teks_terpendek() {
        assert_eq!(dari_f64(0.1 + 0.2).unwrap().nilai, d("0.3"));
        assert_eq!(
            dari_f64(57456457922.650024).unwrap().nilai,
            d("57456457922.650024")
        );
        assert_eq!(dari_f64(30177653595.0).unwrap().nilai, d("30177653595"));
        assert_eq!(dari_f64(0.9059824562433705).unwrap().desimal, 6);
        assert!(dari_f64(f64::NAN).is_none());
        assert_eq!(dari_f64(1e-7).unwrap().nilai, Decimal::ZERO);
    }

    #[test]
    fn pembulatan_seperti_excel() {
        assert_eq!(bulat(d("2.665"), 2), d("2.67"));
        assert_eq!(bulat(d("-2.665"), 2), d("-2.67"));
        assert_eq!(bulat(d("2.675"), 2), d("2.68"));
    }

    #[test]
    fn menulis_cara_indonesia() {
        assert_eq!(tulis_rupiah(d("30177653595")), "30.177.653.595,00");
        assert_eq!(tulis_rupiah(d("-1234.5")), "-1.234,50");
        assert_eq!(tulis_rupiah(d("0")), "0,00");
        assert_eq!(tulis_persen(d("96.4617")), "96,46");
        assert_eq!(tulis_rupiah(d("999")), "999,00");
    }

    #[test]
    fn presisi_tertulis() {
        let a = baca_teks("96,46", JenisAngka::Persen).unwrap().unwrap();
        assert!(sama_pada_presisi(a, d("96.4617")));
        assert!(!sama_pada_presisi(a, d("96.47")));
        let b = baca_teks("96", JenisAngka::Persen).unwrap().unwrap();
        assert!(sama_pada_presisi(b, d("96.46")));
    }

    proptest! {
        #[test]
        fn tulis_lalu_baca_rupiah(sen in -10_000_000_000_000i64..10_000_000_000_000i64) {
            let nilai = Decimal::new(sen, 2);
            let teks = tulis_rupiah(nilai);
            prop_assert_eq!(rp(&teks), nilai);
            let dengan_rp = format!("Rp. {teks}");
            prop_assert_eq!(rp(&dengan_rp), nilai);
        }

        #[test]
        fn tulis_lalu_baca_persen(basis in 0i64..100_000) {
            let nilai = Decimal::new(basis, 2);
            prop_assert_eq!(pr(&tulis_persen(nilai)), nilai);
            prop_assert_eq!(pr(&format!("{}%", tulis_persen(nilai))), nilai);
        }

        #[test]
        fn float_sen_tetap_sen(sen in 0i64..1_000_000_000_000i64) {
            let f = sen as f64 / 100.0;
            let a = dari_f64(f).unwrap();
            prop_assert_eq!(bulat(a.nilai, 2), Decimal::new(sen, 2));
        }
    }
}
