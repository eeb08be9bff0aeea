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

/// Why a cell is not a number lkjip can use; the caller adds file, sheet and cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{teks}' bukan angka: {alasan}")]
pub struct BukanAngka {
    /// The number as written (a float cell: its shortest text, `1e308`).
    pub teks: String,
    pub alasan: Alasan,
}

impl BukanAngka {
    /// A number, but one that cannot be held (beyond [`BATAS`], or not finite): never
    /// "not stated", in any column.
    pub fn luap(&self) -> bool {
        matches!(self.alasan, Alasan::MelebihiBatas | Alasan::TakHingga)
    }
}

/// Why a cell is no number lkjip can use. One byte, so that the errors that carry it stay
/// small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Alasan {
    #[error("hanya angka, titik dan koma yang boleh")]
    BukanDigit,
    #[error("angka harus diawali digit")]
    TanpaDigitAwal,
    #[error("pemisah ribuan tidak teratur")]
    RibuanTakTeratur,
    #[error("tanda % menunjukkan persentase, padahal kolom ini berisi rupiah")]
    PersenDiKolomRupiah,
    #[error(
        "rupiah paling banyak dua angka di belakang koma (sen); periksa letak titik dan komanya"
    )]
    LebihDariSen,
    #[error("sel berisi nilai benar/salah (TRUE/FALSE)")]
    BenarSalah,
    #[error(
        "lebih besar dari 1.000.000.000.000.000.000 (10^18), batas angka yang dijumlahkan lkjip dengan tepat"
    )]
    MelebihiBatas,
    #[error("bukan bilangan hingga (NaN atau tak hingga)")]
    TakHingga,
    #[error(
        "memuat lebih dari 28 angka bermakna, sehingga tidak dapat disimpan tepat; tulis dengan desimal yang lebih sedikit"
    )]
    TerlaluBanyakDigit,
}

/// The largest magnitude lkjip reads: 10^18 rupiah (or percent).
///
/// `Decimal` holds up to 7.9 × 10^28, but a sum of amounts that each fit need not. A sheet
/// has at most 2^20 rows and 2^14 columns, so a document's totals add at most 2^34
/// amounts: with each at most 10^18 they stay below 1.8 × 10^28, and every sum of one
/// document is exact. 10^18 rupiah is some 275 times Indonesia's whole national budget
/// (APBN 2024: 3.325 triliun), so no real amount is refused; a cell beyond it is a typo or
/// a broken export, and is reported at its cell. Products and quotients (%, realisasi
/// fisik weighted by pagu) are not covered by this bound: they are checked ([`Luap`]).
pub const BATAS: Decimal = Decimal::from_parts(2_808_348_672, 232_830_643, 0, false, 0);

/// A sum, difference, product or quotient whose result `Decimal` cannot hold (beyond
/// ±7.9 × 10^28), or a sum of money it cannot hold exactly (more than its 28–29
/// significant digits: `Decimal` would round it silently). The caller names the cell and
/// the numbers as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "hasilnya tidak dapat dihitung tepat (melampaui ±79.228.162.514.264.337.593.543.950.335 atau lebih dari 28 angka bermakna)"
)]
pub struct Luap;

/// Checked arithmetic on money and percentages. Every operation on amounts goes through
/// these (the modules that compute deny `clippy::arithmetic_side_effects`, so a bare `+`
/// on a `Decimal` does not compile under `cargo clippy -D warnings`): an overflow is a
/// `Result` the caller must place, never a panic and never a silent 0.
///
/// `tambah` and `kurang` are for money and must be exact: `Decimal` keeps the larger scale
/// of its operands unless the result does not fit, when it drops decimals and rounds
/// (10^-28 − MAX gives −MAX). A result that lost a digit that was not 0 is therefore
/// `Err`, like an overflow.
pub fn tambah(a: Decimal, b: Decimal) -> Result<Decimal, Luap> {
    tepat(a, b, a.checked_add(b), |h| {
        h.checked_sub(b) == Some(a) && h.checked_sub(a) == Some(b)
    })
}

/// `a − b`, checked and exact (see [`tambah`]).
pub fn kurang(a: Decimal, b: Decimal) -> Result<Decimal, Luap> {
    tepat(a, b, a.checked_sub(b), |h| h.checked_add(b) == Some(a))
}

/// A result that kept fewer decimals than its operands is exact only when it undoes back to
/// them: `Decimal` rounds a result that does not fit. The trailing digits it dropped may
/// still have been zeros of the exact result (−4.423.663.524.594.202.733.367.427,8806 +
/// −3.637.980.537.053.481.936.909.359,1524 = …787,0330, kept as …787,033), so the operands'
/// own decimals do not decide it.
fn tepat(
    a: Decimal,
    b: Decimal,
    hasil: Option<Decimal>,
    kembali: impl Fn(Decimal) -> bool,
) -> Result<Decimal, Luap> {
    let hasil = hasil.ok_or(Luap)?;
    if hasil.scale() < a.scale().max(b.scale()) && !kembali(hasil) {
        return Err(Luap);
    }
    Ok(hasil)
}

/// `a + b` for percentages and other quotients, which are rounded at `Decimal`'s precision
/// already (96,4617…): only an overflow is `Err`, a 29th digit may go.
pub fn tambah_persen(a: Decimal, b: Decimal) -> Result<Decimal, Luap> {
    a.checked_add(b).ok_or(Luap)
}

/// `a − b` for percentages (see [`tambah_persen`]): efisiensi = 100 − % of a % with 28
/// decimals.
pub fn kurang_persen(a: Decimal, b: Decimal) -> Result<Decimal, Luap> {
    a.checked_sub(b).ok_or(Luap)
}

/// `a × b`, checked (a product beyond 28 decimals is rounded, as every `Decimal` product).
pub fn kali(a: Decimal, b: Decimal) -> Result<Decimal, Luap> {
    a.checked_mul(b).ok_or(Luap)
}

/// `a ÷ b`, checked. A divisor of 0 is the caller's to rule out first (a pagu of 0 shows
/// `-`); should one get here it is an `Err`, not a panic.
pub fn bagi(a: Decimal, b: Decimal) -> Result<Decimal, Luap> {
    a.checked_div(b).ok_or(Luap)
}

/// The sum of `nilai`, checked (`Iterator::sum` on `Decimal` panics on overflow).
pub fn jumlah(nilai: impl IntoIterator<Item = Decimal>) -> Result<Decimal, Luap> {
    nilai.into_iter().try_fold(Decimal::ZERO, tambah)
}

/// `-nilai`. Negation cannot overflow a `Decimal` (the sign is a bit of its own).
pub fn negatif(nilai: Decimal) -> Decimal {
    let mut n = nilai;
    n.set_sign_negative(!nilai.is_sign_negative());
    n
}

/// Rounds half away from zero, as Excel's ROUND does (the crate's default is banker's).
pub fn bulat(nilai: Decimal, desimal: u32) -> Decimal {
    nilai.round_dp_with_strategy(desimal, RoundingStrategy::MidpointAwayFromZero)
}

/// The decimals a float may honestly claim. Beyond this a float's digits are binary noise
/// (`57456457922.650024` is money rounded to the cent).
const DESIMAL_FLOAT_MAKS: u32 = 6;

/// The text of a float cell for messages: as Excel shows it, exponent form when long
/// (`1e308`, `7.92e28`, `NaN`, `inf`).
pub fn teks_f64(f: f64) -> String {
    if f.is_finite() && (f == 0.0 || (1e-6..1e16).contains(&f.abs())) {
        f.to_string()
    } else {
        format!("{f:e}")
    }
}

/// A float cell as a Decimal, through its shortest round-trip text.
///
/// `Err` (with `luap`) for a float that is not finite (`NaN`, `inf`: an `<v>` a program
/// wrote) or beyond [`BATAS`] (`1e308`, `7.92e28`): such a cell is a number that cannot be
/// held, never "not written". A float below 10^-6 in magnitude is 0 at the decimals a float
/// may claim.
pub fn dari_f64(f: f64) -> Result<Angka, BukanAngka> {
    let luap = |alasan| BukanAngka {
        teks: teks_f64(f),
        alasan,
    };
    if !f.is_finite() {
        return Err(luap(Alasan::TakHingga));
    }
    // Compared as floats first: `1e308` has 309 digits, and is refused without writing them.
    if f.abs() > 1e18 {
        return Err(luap(Alasan::MelebihiBatas));
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
    });
    // No Decimal comparison with BATAS: 10^18 is itself a float, so the shortest text of
    // a float at most 10^18 is at most 10^18.
    let nilai = nilai.ok_or_else(|| luap(Alasan::MelebihiBatas))?;
    let desimal = nilai.scale().min(DESIMAL_FLOAT_MAKS);
    Ok(Angka {
        nilai: bulat(nilai, desimal).normalize(),
        desimal,
    })
}

/// Reads a number written as text. `Ok(None)` for an empty cell; `-`, `–` and `—` are zero
/// (reports write zero as a dash).
///
/// Decided on purpose (tests `keputusan_*` below):
/// - `1.234.567,891` is read with its three decimals (`desimal` 3), and the column refuses
///   it: rupiah has at most two decimals (sen), so in a rupiah column
///   (`recognise::realisasi`, which knows whether the column is in thousands) a third digit
///   is a typo (`1.234.567,89`) or a misplaced separator (`1.234.567.891`), and either
///   reading would change a number the user did not write ([`Alasan::LebihDariSen`]).
///   A single separator followed by three digits (`1.234`) is still thousands, as before.
///   Percentages keep any decimals (`0,9059`).
/// - `50%` in a rupiah column is refused: a percentage is not an amount of money.
/// - `1 234 567` (spaces, or no-break spaces, between digits) is read as 1234567: the
///   thousands separator of PDFs and French-style exports. Only regular groups are
///   accepted (1–3 digits, then groups of exactly 3, and no other thousands separator):
///   `12 34` or `1 234.567` are two numbers in one cell or a typo, and are refused rather
///   than joined.
/// - Beyond [`BATAS`] (10^18), or beyond what a `Decimal` holds at all, is a number that
///   cannot be held (`luap`), reported at its cell with the text as written.
pub fn baca_teks(teks: &str, jenis: JenisAngka) -> Result<Option<Angka>, BukanAngka> {
    let galat = |alasan| BukanAngka {
        teks: teks.to_string(),
        alasan,
    };
    let spasi = |c: char| c.is_whitespace() || c == '\u{a0}';
    let mut s = String::with_capacity(teks.len());
    let mut ada_spasi = false;
    for c in teks.chars() {
        if spasi(c) {
            ada_spasi = true;
        } else {
            s.push(c);
        }
    }
    // Most cells have no space at all: only those are looked at again.
    let spasi_ribuan = if ada_spasi {
        ada_spasi_di_antara_digit(teks, spasi)
    } else {
        None
    };
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
            if akhiran == "%" && jenis == JenisAngka::Rupiah {
                return Err(galat(Alasan::PersenDiKolomRupiah));
            }
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
        return Err(galat(Alasan::BukanDigit));
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(galat(Alasan::TanpaDigitAwal));
    }
    let (bulat_teks, pecahan) = match spasi_ribuan {
        Some(kelompok) => {
            pisah_spasi(&s, &kelompok).ok_or_else(|| galat(Alasan::RibuanTakTeratur))?
        }
        None => pisah_desimal(&s, jenis).ok_or_else(|| galat(Alasan::RibuanTakTeratur))?,
    };
    let digit: String = bulat_teks.chars().filter(char::is_ascii_digit).collect();
    let digit_bulat = digit.len();
    let teks_angka = if pecahan.is_empty() {
        digit
    } else {
        format!("{digit}.{pecahan}")
    };
    let mut nilai = Decimal::from_str(&teks_angka).map_err(|_| galat(Alasan::MelebihiBatas))?;
    // `from_str` rounds what does not fit in 28–29 significant digits without a word: a
    // number read must be the number written (fuzz/README.md, angka).
    if nilai.scale() < pecahan.len() as u32
        && pecahan[nilai.scale() as usize..].bytes().any(|b| b != b'0')
    {
        return Err(galat(Alasan::TerlaluBanyakDigit));
    }
    // BATAS has 19 digits: fewer integer digits cannot reach it (and cost no comparison).
    if digit_bulat >= 19 && nilai > BATAS {
        return Err(galat(Alasan::MelebihiBatas));
    }
    if negatif {
        nilai = self::negatif(nilai);
    }
    Ok(Some(Angka {
        nilai,
        // Trailing zeros `from_str` dropped still state the precision, within what a
        // Decimal can show (28 places).
        desimal: (pecahan.len() as u32).min(28),
    }))
}

/// The lengths of the digit groups of a number whose digits are separated by spaces
/// (`1 234 567` → [1, 3, 3]), or `None` when no space stands between two digits.
fn ada_spasi_di_antara_digit(teks: &str, spasi: impl Fn(char) -> bool) -> Option<Vec<usize>> {
    let mut kelompok = Vec::new();
    let mut panjang = 0usize;
    let mut setelah_spasi = false;
    let mut ada = false;
    for (i, c) in teks.char_indices() {
        if c.is_ascii_digit() {
            if setelah_spasi && panjang > 0 {
                kelompok.push(panjang);
                panjang = 0;
                ada = true;
            }
            panjang += 1;
            setelah_spasi = false;
        } else if spasi(c) {
            setelah_spasi = true;
        } else {
            if ada {
                // The digits that follow a separator (`,89`) are not a space group, and a
                // space among them (`526,78 7`) makes the groups irregular (fuzz/angka).
                kelompok.push(panjang);
                if teks[i..].chars().any(&spasi) {
                    kelompok.push(0);
                }
                return Some(kelompok);
            }
            kelompok.clear();
            panjang = 0;
            setelah_spasi = false;
        }
    }
    if ada {
        kelompok.push(panjang);
        Some(kelompok)
    } else {
        None
    }
}

/// A number whose thousands are separated by spaces (already removed from `s`): the groups
/// must be regular, and what remains may hold one decimal mark only.
fn pisah_spasi(s: &str, kelompok: &[usize]) -> Option<(String, String)> {
    let (pertama, lain) = kelompok.split_first()?;
    // `0 526` is no way of writing 526.
    if !(1..=3).contains(pertama) || lain.iter().any(|&k| k != 3) || s.starts_with('0') {
        return None;
    }
    let bulat: usize = kelompok.iter().sum();
    let (bagian_bulat, sisa) = s.split_at(bulat.min(s.len()));
    if !bagian_bulat.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let pecahan = match sisa.chars().next() {
        None => "",
        Some('.' | ',') => &sisa[1..],
        Some(_) => return None,
    };
    if (pecahan.is_empty() && !sisa.is_empty()) || !pecahan.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((bagian_bulat.to_string(), pecahan.to_string()))
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
        // `0.877` is no way of writing 877 (found by fuzz/angka).
        let nol_di_depan = kelompok.len() > 1 && kelompok[0].starts_with('0');
        if !(1..=3).contains(&pertama) || kelompok[1..].iter().any(|k| k.len() != 3) || nol_di_depan
        {
            return None;
        }
    }
    if bagian_bulat.is_empty() || pecahan.contains(['.', ',']) {
        return None;
    }
    Some((bagian_bulat.to_string(), pecahan.to_string()))
}

/// An Excel date serial number as `5-1-2022` (day-month-year), for saying that a cell holds
/// a date; `None` for a number that is no date Excel shows (below 1, beyond 9999).
/// Serial 1 is 1-1-1900, and Excel counts a 29-2-1900 that never was (serial 60).
pub fn tanggal_excel(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let hari = serial.trunc() as i64;
    if hari == 60 {
        return Some("29-2-1900".to_string());
    }
    // Days since 1-1-1970 (serial 25569), then Howard Hinnant's civil_from_days.
    let z = hari - 25_569 + 719_468 + i64::from(hari < 60);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{d}-{m}-{y}"))
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
    // The value's own digits, padded with zeros to `desimal` places by hand: rust_decimal's
    // `{:.N}` panics (CapacityError) once the integer digits and N pass its 32-byte buffer,
    // e.g. 13 integer digits at 19 places (found by fuzz/angka).
    let teks = b.abs().to_string();
    let (utuh, ada) = teks.split_once('.').unwrap_or((&teks, ""));
    let mut pecahan = ada.to_string();
    while pecahan.len() < desimal as usize {
        pecahan.push('0');
    }
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
        hasil.push_str(&pecahan);
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

    /// Found by `compute::tests::tanpa_panik_dari_angka_ekstrem`: a sum whose exact value
    /// fits once its last zero is dropped was refused as an overflow.
    #[test]
    fn jumlah_tepat_walau_desimalnya_berkurang() {
        let a = Decimal::from_str("-4423663524594202733367427.8806").unwrap();
        let b = Decimal::from_str("-3637980537053481936909359.1524").unwrap();
        let j = tambah(a, b).expect("jumlah tepat");
        assert_eq!(
            j,
            Decimal::from_str("-8061644061647684670276787.033").unwrap()
        );
        assert_eq!(kurang(j, b), Ok(a));
        // One that really rounds is still refused: 10^-28 − MAX.
        assert!(tambah(Decimal::new(1, 28), Decimal::MIN).is_err());
    }

    /// Found by fuzz/angka: more significant digits than a Decimal holds were rounded
    /// silently, and writing 13 integer digits at 19 places panicked inside rust_decimal.
    #[test]
    fn digit_berlebih_ditolak_dan_penulisan_tidak_panik() {
        for teks in [
            "9988000000000.0099044444444444444",
            "1141001022222222222222,22222222114",
            "1,2222222222222222222222222222222",
        ] {
            for jenis in [JenisAngka::Rupiah, JenisAngka::Persen] {
                assert!(baca_teks(teks, jenis).is_err(), "{teks} {jenis:?}");
            }
        }
        // Trailing zeros beyond 28 places change nothing: accepted.
        let a = baca_teks("1,50000000000000000000000000000000", JenisAngka::Persen)
            .unwrap()
            .unwrap();
        assert_eq!(a.nilai, Decimal::new(15, 1));
        assert_eq!(a.desimal, 28);
        let nilai = Decimal::from_str("9988000000000.009904444444444").unwrap();
        assert_eq!(tulis(nilai, 19), "9.988.000.000.000,0099044444444440000");
        assert_eq!(tulis(Decimal::from(100), 2), "100,00");
        assert_eq!(tulis(Decimal::new(-5, 1), 0), "-1");
    }
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
        assert!(dari_f64(f64::NAN).unwrap_err().luap());
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

    fn alasan(s: &str, jenis: JenisAngka) -> Alasan {
        baca_teks(s, jenis).unwrap_err().alasan
    }

    #[test]
    fn keputusan_tiga_desimal_rupiah_dibaca_dengan_desimalnya() {
        // The column refuses it (recognise::realisasi); the reader keeps what was written.
        let a = baca_teks("1.234.567,891", JenisAngka::Rupiah)
            .unwrap()
            .unwrap();
        assert_eq!((a.nilai, a.desimal), (d("1234567.891"), 3));
        let a = baca_teks("1,2345", JenisAngka::Rupiah).unwrap().unwrap();
        assert_eq!((a.nilai, a.desimal), (d("1.2345"), 4));
        // Two decimals (sen) and a lone separator before three digits (thousands) stay.
        assert_eq!(rp("1.234.567,89"), d("1234567.89"));
        assert_eq!(rp("1.234"), d("1234"));
        // A percentage keeps its decimals.
        assert_eq!(pr("1.234.567,891"), d("1234567.891"));
    }

    #[test]
    fn keputusan_persen_di_kolom_rupiah_ditolak() {
        assert_eq!(
            alasan("50%", JenisAngka::Rupiah),
            Alasan::PersenDiKolomRupiah
        );
        assert_eq!(
            alasan("99,17 %", JenisAngka::Rupiah),
            Alasan::PersenDiKolomRupiah
        );
        assert_eq!(pr("50%"), d("50"));
    }

    #[test]
    fn keputusan_spasi_ribuan() {
        // Found by fuzz/angka: a space among the decimals, or a leading 0 group, was joined.
        for t in [
            "0 526,78 7",
            "1 234,56 7",
            "0 123",
            "0.877,425",
            "0.123.456",
        ] {
            for j in [JenisAngka::Rupiah, JenisAngka::Persen] {
                assert!(baca_teks(t, j).is_err(), "{t} {j:?}");
            }
        }
        assert_eq!(rp("1 234 567"), d("1234567"));
        assert_eq!(rp("1\u{a0}234\u{a0}567,89"), d("1234567.89"));
        assert_eq!(rp("Rp 12 345"), d("12345"));
        assert_eq!(rp("(1 234)"), d("-1234"));
        assert_eq!(pr("1 234,5"), d("1234.5"));
        // Irregular groups, or spaces mixed with another thousands separator: refused.
        for teks in ["12 34", "1 2", "1234 567", "1 234.567.890", "1 23"] {
            assert!(baca_teks(teks, JenisAngka::Rupiah).is_err(), "{teks}");
        }
        // Spaces that separate no digits are no thousands separator.
        assert_eq!(rp("Rp 1.234"), d("1234"));
        assert_eq!(pr("100 %"), d("100"));
    }

    #[test]
    fn angka_di_luar_batas_luap_dengan_teks_tertulis() {
        // 10^18 is read; one more is not.
        assert_eq!(rp("1.000.000.000.000.000.000"), BATAS);
        assert_eq!(BATAS, d("1000000000000000000"));
        let e = baca_teks("1.000.000.000.000.000.001", JenisAngka::Rupiah).unwrap_err();
        assert!(e.luap());
        assert_eq!(e.teks, "1.000.000.000.000.000.001");
        // Decimal::MAX + 1, with the decorations of the report kept in the message.
        let teks = "Rp. 79.228.162.514.264.337.593.543.950.336,-";
        let e = baca_teks(teks, JenisAngka::Persen).unwrap_err();
        assert!(e.luap());
        assert_eq!(e.teks, teks);
        // A huge negative is as much beyond.
        assert!(
            baca_teks("-2.000.000.000.000.000.000", JenisAngka::Rupiah)
                .unwrap_err()
                .luap()
        );
    }

    #[test]
    fn float_tak_terhingga_atau_terlalu_besar_luap() {
        // calamine reads `<v>1e400</v>` as inf.
        for (f, teks) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (1e308, "1e308"),
            (7.92e28, "7.92e28"),
            (-2e18, "-2e18"),
        ] {
            let e = dari_f64(f).unwrap_err();
            assert!(e.luap(), "{f}");
            assert_eq!(e.teks, teks);
        }
        assert_eq!(dari_f64(1e18).unwrap().nilai, BATAS);
        // Tiny floats are 0 at the six decimals a float may claim.
        assert_eq!(dari_f64(1e-30).unwrap().nilai, Decimal::ZERO);
    }

    #[test]
    fn nomor_seri_tanggal_excel() {
        // Serial 44566 is 5 January 2022; 1 is 1-1-1900; 61 is 1-3-1900 after Excel's
        // 29-2-1900 (60), which never was.
        assert_eq!(tanggal_excel(44566.0).as_deref(), Some("5-1-2022"));
        assert_eq!(tanggal_excel(44566.75).as_deref(), Some("5-1-2022"));
        assert_eq!(tanggal_excel(1.0).as_deref(), Some("1-1-1900"));
        assert_eq!(tanggal_excel(59.0).as_deref(), Some("28-2-1900"));
        assert_eq!(tanggal_excel(60.0).as_deref(), Some("29-2-1900"));
        assert_eq!(tanggal_excel(61.0).as_deref(), Some("1-3-1900"));
        assert_eq!(tanggal_excel(0.5), None);
    }

    #[test]
    fn jumlah_uang_tepat_atau_err() {
        let maks = Decimal::MAX;
        assert_eq!(tambah(d("0.10"), d("0.2")), Ok(d("0.30")));
        assert_eq!(tambah(maks, Decimal::ONE), Err(Luap));
        assert_eq!(kurang(Decimal::MIN, Decimal::ONE), Err(Luap));
        // 10^-28 − MAX would round to −MAX.
        assert_eq!(kurang(Decimal::new(1, 28), maks), Err(Luap));
        // A dropped decimal that was 0 loses nothing.
        let a = d("578889123098347027635895778.0");
        assert_eq!(kurang(a, maks), Ok(d("-78649273391165990565908054557")));
        // Percentages may drop a 29th digit: 100 − 0,000…1 (28 decimals).
        assert!(kurang_persen(Decimal::ONE_HUNDRED, Decimal::new(1, 28)).is_ok());
        assert_eq!(kali(maks, Decimal::TWO), Err(Luap));
        assert_eq!(bagi(Decimal::ONE, Decimal::ZERO), Err(Luap));
        assert_eq!(jumlah([d("1"), d("2"), d("3")]), Ok(d("6")));
        // MAX − 2 + 1 = 79.228.162.514.264.337.593.543.950.334; MAX + 1 − 2 would end there
        // too, but passes beyond MAX on the way, and is Err: no guess at what a sheet meant.
        assert_eq!(
            jumlah([maks, d("-2"), d("1")]),
            Ok(d("79228162514264337593543950334"))
        );
        assert_eq!(jumlah([maks, d("1"), d("-2")]), Err(Luap));
        assert_eq!(negatif(d("5")), d("-5"));
        assert_eq!(negatif(d("-5")), d("5"));
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
