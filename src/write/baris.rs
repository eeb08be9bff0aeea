//! The body rows of a table as sheet XML, written straight from the [`Tabel`].
//!
//! rust_xlsxwriter writes everything else (styles, the workbook, the title and header rows,
//! merges, print settings). Body rows are the one part written here, because there the
//! crate's per-cell cost dominated `susun` on a large LRA: each cell's [`Format`] is hashed
//! whole to find its style number, each cell is stored, then written to a temporary file,
//! then read back to be compressed (BENCHMARKS.md). Here a cell's style number is looked up
//! by a small index ([`IndeksGaya`]) and its XML goes straight to the compressor. The XML is
//! what rust_xlsxwriter writes for the same cells (inline strings, `_xHHHH_` escapes,
//! formulas with their cached results); numbers are written from the exact `Decimal`.
//!
//! [`Format`]: rust_xlsxwriter::Format

use super::{GalatKemasan, TINGGI_BARIS, baris_teks};
use crate::model::huruf_kolom;
use crate::sheet::TEKS_SEL_MAKS;
use crate::tables::{Baris, Bentuk, Hasil, Isi, Tabel};
use rust_decimal::Decimal;
use std::io::{self, Write};

/// A body cell's style number in the workbook's `cellXfs`, by its key.
pub trait IndeksGaya {
    fn indeks(&self, bentuk: Bentuk, tebal: bool, indent: u8, strip_nol: bool) -> u32;
}

/// Text as XML element content, the way Excel and rust_xlsxwriter write it: `&`, `<`, `>`
/// escaped; control characters other than tab and newline, which XML forbids, as `_xHHHH_`;
/// and a literal `_xHHHH_` in the text guarded as `_x005F_xHHHH_` so that it stays literal.
pub fn escape_teks(teks: &str, keluar: &mut Vec<u8>) {
    let b = teks.as_bytes();
    // Bytes up to `awal` are written; a byte that needs care writes the plain run before it.
    let mut awal = 0;
    for (i, &c) in b.iter().enumerate() {
        let entitas: &[u8] = match c {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'\t' | b'\n' => continue,
            0..=0x1F => {
                keluar.extend_from_slice(&b[awal..i]);
                write!(keluar, "_x{c:04X}_").ok();
                awal = i + 1;
                continue;
            }
            b'_' if adalah_escape(&b[i..]) => {
                // The underscore itself stays, after its guard.
                keluar.extend_from_slice(&b[awal..i]);
                keluar.extend_from_slice(b"_x005F");
                awal = i;
                continue;
            }
            _ => continue,
        };
        keluar.extend_from_slice(&b[awal..i]);
        keluar.extend_from_slice(entitas);
        awal = i + 1;
    }
    keluar.extend_from_slice(&b[awal..]);
}

/// `_xHHHH_` at the start of `b`.
fn adalah_escape(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// A number as `<v>` text: the exact decimal, without trailing zeros (`1234.5`, `-5`).
fn tulis_angka(d: Decimal, keluar: &mut Vec<u8>) {
    let d = d.normalize();
    let mantisa = d.mantissa();
    if mantisa < 0 {
        keluar.push(b'-');
    }
    let mut ruang = [0u8; 40];
    let digit = digit_desimal(mantisa.unsigned_abs(), &mut ruang);
    let skala = d.scale() as usize;
    if skala == 0 {
        keluar.extend_from_slice(digit);
    } else if digit.len() > skala {
        let (bulat, pecahan) = digit.split_at(digit.len() - skala);
        keluar.extend_from_slice(bulat);
        keluar.push(b'.');
        keluar.extend_from_slice(pecahan);
    } else {
        keluar.extend_from_slice(b"0.");
        keluar.extend(std::iter::repeat_n(b'0', skala - digit.len()));
        keluar.extend_from_slice(digit);
    }
}

/// The decimal digits of `n`, written at the end of `ruang` (40 digits hold any `u128`).
/// Numbers that fit in 64 bits, nearly all of them, are divided as `u64`: 128-bit division
/// is a library call.
fn digit_desimal(n: u128, ruang: &mut [u8; 40]) -> &[u8] {
    let mut i = ruang.len();
    let mut besar = n;
    while besar > u128::from(u64::MAX) {
        i -= 1;
        ruang[i] = b'0' + (besar % 10) as u8;
        besar /= 10;
    }
    let mut kecil = besar as u64;
    loop {
        i -= 1;
        ruang[i] = b'0' + (kecil % 10) as u8;
        kecil /= 10;
        if kecil == 0 {
            break;
        }
    }
    &ruang[i..]
}

/// A whole number in decimal digits, without the formatting machinery (this runs for
/// every cell reference).
fn tulis_bulat(n: u32, keluar: &mut Vec<u8>) {
    let mut ruang = [0u8; 40];
    keluar.extend_from_slice(digit_desimal(u128::from(n), &mut ruang));
}

/// `<c r="B12" s="13"` — a cell's opening, attributes to follow.
fn buka_sel(kolom: &str, r: u32, s: u32, keluar: &mut Vec<u8>) {
    keluar.extend_from_slice(b"<c r=\"");
    keluar.extend_from_slice(kolom.as_bytes());
    tulis_bulat(r, keluar);
    keluar.extend_from_slice(b"\" s=\"");
    tulis_bulat(s, keluar);
    keluar.push(b'"');
}

/// A row height as rust_xlsxwriter stores it: whole pixels (4/3 per point), shown in points.
fn tinggi(poin: f64) -> String {
    let piksel = (poin * 4.0 / 3.0).round() as u64;
    let seperseratus = piksel * 75;
    let (bulat, sisa) = (seperseratus / 100, seperseratus % 100);
    match sisa {
        0 => bulat.to_string(),
        s if s % 10 == 0 => format!("{bulat}.{}", s / 10),
        s => format!("{bulat}.{s:02}"),
    }
}

/// How many lines the row's tallest wrapped text needs. Excel grows a wrapped row when it
/// opens the file, LibreOffice and PDF export do not, so the row is given that height.
/// A text at the top of a merge spanning `rentang(c)` rows shares their height.
pub(super) fn garis_baris(tabel: &Tabel, baris: &Baris, rentang: impl Fn(usize) -> usize) -> usize {
    baris
        .sel
        .iter()
        .enumerate()
        .filter_map(|(c, s)| match &s.isi {
            Isi::Teks(t) => Some(
                baris_teks(
                    t,
                    tabel.lebar.get(c).copied().unwrap_or(10.0),
                    if c as u16 == tabel.kolom_uraian {
                        baris.indent
                    } else {
                        0
                    },
                    baris.tebal,
                )
                .div_ceil(rentang(c).max(1)),
            ),
            _ => None,
        })
        .max()
        .unwrap_or(1)
}

/// Writes the body rows of `tabel`, from 0-based sheet row `awal`, to `keluar` in blocks,
/// making each row as it goes.
pub fn tulis_badan(
    tabel: &mut Tabel,
    awal: u32,
    gaya: &impl IndeksGaya,
    keluar: &mut impl Write,
) -> Result<(), GalatKemasan> {
    const BLOK: usize = 1 << 16;
    let kolom: Vec<String> = (0..tabel.lebar.len().max(1) as u32)
        .map(huruf_kolom)
        .collect();
    let mut xml: Vec<u8> = Vec::with_capacity(BLOK + 4096);
    let mut r = awal;
    let rentang: std::collections::HashMap<(usize, usize), usize> = tabel
        .gabung_badan
        .iter()
        .map(|g| ((g.r0, usize::from(g.c0)), g.r1.saturating_sub(g.r0) + 1))
        .collect();
    let mut i = 0usize;
    while let Some(baris) = tabel.baris.next() {
        r += 1;
        let garis = garis_baris(tabel, &baris, |c| {
            rentang.get(&(i, c)).copied().unwrap_or(1)
        });
        i += 1;
        xml.extend_from_slice(b"<row r=\"");
        tulis_bulat(r, &mut xml);
        if garis > 1 {
            let ht = tinggi(TINGGI_BARIS * garis as f64 + 2.0);
            write!(xml, r#"" ht="{ht}" customHeight="1">"#)?;
        } else {
            xml.extend_from_slice(b"\">");
        }
        for (c, sel) in baris.sel.iter().enumerate() {
            let indent = if c as u16 == tabel.kolom_uraian {
                baris.indent
            } else {
                0
            };
            let s = gaya.indeks(sel.bentuk, baris.tebal, indent, tabel.strip_nol);
            let nama = match kolom.get(c) {
                Some(k) => std::borrow::Cow::Borrowed(k.as_str()),
                None => std::borrow::Cow::Owned(huruf_kolom(c as u32)),
            };
            buka_sel(&nama, r, s, &mut xml);
            match &sel.isi {
                // An empty text is a blank cell, as rust_xlsxwriter and Excel write it.
                Isi::Kosong => xml.extend_from_slice(b"/>"),
                Isi::Teks(t) if t.is_empty() => xml.extend_from_slice(b"/>"),
                Isi::Teks(t) => {
                    if t.len() > TEKS_SEL_MAKS && t.chars().count() > TEKS_SEL_MAKS {
                        return Err(GalatKemasan::Batas(format!(
                            "sel {}!{nama}{r} memuat {} karakter, lebih dari batas Excel {TEKS_SEL_MAKS}; \
                             perpendek teks itu di berkas masukan",
                            tabel.nama_lembar,
                            t.chars().count()
                        )));
                    }
                    let jaga = t.starts_with(['\t', '\n', ' ']) || t.ends_with(['\t', '\n', ' ']);
                    xml.extend_from_slice(br#" t="inlineStr"><is><t"#);
                    if jaga {
                        xml.extend_from_slice(br#" xml:space="preserve""#);
                    }
                    xml.push(b'>');
                    escape_teks(t, &mut xml);
                    xml.extend_from_slice(b"</t></is></c>");
                }
                Isi::Angka(d) => {
                    xml.extend_from_slice(b"><v>");
                    tulis_angka(*d, &mut xml);
                    xml.extend_from_slice(b"</v></c>");
                }
                Isi::Rumus { rumus, hasil } => {
                    xml.extend_from_slice(match hasil {
                        Hasil::Angka(_) => b"><f>".as_slice(),
                        Hasil::Teks(_) => br#" t="str"><f>"#.as_slice(),
                    });
                    escape_teks(rumus.strip_prefix('=').unwrap_or(rumus), &mut xml);
                    xml.extend_from_slice(b"</f><v>");
                    match hasil {
                        Hasil::Angka(d) => tulis_angka(*d, &mut xml),
                        Hasil::Teks(t) => escape_teks(t, &mut xml),
                    }
                    xml.extend_from_slice(b"</v></c>");
                }
            }
        }
        xml.extend_from_slice(b"</row>");
        if xml.len() >= BLOK {
            keluar.write_all(&xml)?;
            xml.clear();
        }
    }
    if (r - awal) as usize != tabel.baris.jumlah {
        // The sheet's dimension was written from `jumlah` before the rows were made.
        return Err(GalatKemasan::Io(io::Error::other(format!(
            "kesalahan program: {} menyebut {} baris tetapi membuat {}; laporkan ke pengembang lkjip",
            tabel.nama_lembar,
            tabel.baris.jumlah,
            r - awal
        ))));
    }
    keluar.write_all(&xml)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(t: &str) -> String {
        let mut v = Vec::new();
        escape_teks(t, &mut v);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn teks_di_escape_seperti_excel() {
        assert_eq!(
            escape("Belanja & Jasa <2024>"),
            "Belanja &amp; Jasa &lt;2024&gt;"
        );
        assert_eq!(escape("a\tb\nc"), "a\tb\nc");
        assert_eq!(escape("a\u{1}b\u{1F}"), "a_x0001_b_x001F_");
        assert_eq!(escape("kode_x00A0_ini"), "kode_x005F_x00A0_ini");
        assert_eq!(escape("_x12_ dan _xZZZZ_"), "_x12_ dan _xZZZZ_");
        assert_eq!(escape("Kecamatan Bontang Barat"), "Kecamatan Bontang Barat");
    }

    fn angka(t: &str) -> String {
        let mut v = Vec::new();
        tulis_angka(t.parse().unwrap(), &mut v);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn angka_ditulis_persis_tanpa_nol_di_belakang() {
        assert_eq!(angka("30177653595.00"), "30177653595");
        assert_eq!(angka("96.46"), "96.46");
        assert_eq!(angka("96.40"), "96.4");
        assert_eq!(angka("-1067764107.50"), "-1067764107.5");
        assert_eq!(angka("0"), "0");
        assert_eq!(angka("0.00"), "0");
        assert_eq!(angka("0.05"), "0.05");
        assert_eq!(angka("-0.005"), "-0.005");
        assert_eq!(angka("100"), "100");
        assert_eq!(
            angka("79228162514264337593543950335"),
            "79228162514264337593543950335"
        );
        assert_eq!(
            angka("-7.9228162514264337593543950335"),
            "-7.9228162514264337593543950335"
        );
    }

    #[test]
    fn tinggi_baris_dalam_piksel_utuh() {
        // 32 pt = 42,67 px → 43 px = 32,25 pt; 47 pt = 62,67 px → 63 px = 47,25 pt.
        assert_eq!(tinggi(32.0), "32.25");
        assert_eq!(tinggi(47.0), "47.25");
        // 15 pt = 20 px exactly; 19,5 pt = 26 px.
        assert_eq!(tinggi(15.0), "15");
        assert_eq!(tinggi(19.5), "19.5");
    }
}
