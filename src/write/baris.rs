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

use super::{TINGGI_BARIS, baris_teks};
use crate::tables::{Bentuk, Hasil, Isi, Tabel};
use rust_decimal::Decimal;
use std::io::{self, Write};

/// A body cell's style number in the workbook's `cellXfs`, by its key.
pub trait IndeksGaya {
    fn indeks(&self, bentuk: Bentuk, tebal: bool, indent: u8, strip_nol: bool) -> u32;
}

/// Column letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn nama_kolom(mut c: u16) -> String {
    let mut huruf = Vec::new();
    loop {
        huruf.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    huruf.reverse();
    String::from_utf8(huruf).unwrap_or_default()
}

/// Text as XML element content, the way Excel and rust_xlsxwriter write it: `&`, `<`, `>`
/// escaped; control characters other than tab and newline, which XML forbids, as `_xHHHH_`;
/// and a literal `_xHHHH_` in the text guarded as `_x005F_xHHHH_` so that it stays literal.
pub fn escape_teks(teks: &str, keluar: &mut Vec<u8>) {
    let b = teks.as_bytes();
    let mut awal = 0;
    for (i, &c) in b.iter().enumerate() {
        let ganti: Option<&[u8]> = match c {
            b'&' => Some(b"&amp;"),
            b'<' => Some(b"&lt;"),
            b'>' => Some(b"&gt;"),
            b'\t' | b'\n' => None,
            0..=0x1F => Some(b""),
            b'_' if adalah_escape(&b[i..]) => Some(b"_x005F"),
            _ => None,
        };
        if let Some(g) = ganti {
            keluar.extend_from_slice(&b[awal..i]);
            if g.is_empty() {
                write!(keluar, "_x{c:04X}_").ok();
                awal = i + 1;
            } else if g == b"_x005F" {
                keluar.extend_from_slice(g);
                awal = i;
            } else {
                keluar.extend_from_slice(g);
                awal = i + 1;
            }
        }
    }
    keluar.extend_from_slice(&b[awal..]);
}

/// `_xHHHH_` at the start of `b`.
fn adalah_escape(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

fn tulis_angka(d: Decimal, keluar: &mut Vec<u8>) {
    write!(keluar, "{}", d.normalize()).ok();
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
pub(super) fn garis_baris(tabel: &Tabel, i: usize) -> usize {
    let baris = &tabel.baris[i];
    baris
        .sel
        .iter()
        .enumerate()
        .filter_map(|(c, s)| match &s.isi {
            Isi::Teks(t) => Some(baris_teks(
                t,
                tabel.lebar.get(c).copied().unwrap_or(10.0),
                if c as u16 == tabel.kolom_uraian {
                    baris.indent
                } else {
                    0
                },
                baris.tebal,
            )),
            _ => None,
        })
        .max()
        .unwrap_or(1)
}

/// Writes the body rows of `tabel`, from 0-based sheet row `awal`, to `keluar` in blocks.
pub fn tulis_badan(
    tabel: &Tabel,
    awal: u32,
    gaya: &impl IndeksGaya,
    keluar: &mut impl Write,
) -> io::Result<()> {
    const BLOK: usize = 1 << 16;
    let kolom: Vec<String> = (0..tabel.lebar.len().max(1) as u16)
        .map(nama_kolom)
        .collect();
    let mut xml: Vec<u8> = Vec::with_capacity(BLOK + 4096);
    for (i, baris) in tabel.baris.iter().enumerate() {
        let r = awal + i as u32 + 1;
        let garis = garis_baris(tabel, i);
        if garis > 1 {
            let ht = tinggi(TINGGI_BARIS * garis as f64 + 2.0);
            write!(xml, r#"<row r="{r}" ht="{ht}" customHeight="1">"#)?;
        } else {
            write!(xml, r#"<row r="{r}">"#)?;
        }
        for (c, sel) in baris.sel.iter().enumerate() {
            let indent = if c as u16 == tabel.kolom_uraian {
                baris.indent
            } else {
                0
            };
            let s = gaya.indeks(sel.bentuk, baris.tebal, indent, tabel.strip_nol);
            let nama = kolom
                .get(c)
                .map_or_else(|| nama_kolom(c as u16), Clone::clone);
            match &sel.isi {
                Isi::Kosong => write!(xml, r#"<c r="{nama}{r}" s="{s}"/>"#)?,
                Isi::Teks(t) => {
                    let jaga = t.starts_with(['\t', '\n', ' ']) || t.ends_with(['\t', '\n', ' ']);
                    write!(xml, r#"<c r="{nama}{r}" s="{s}" t="inlineStr"><is><t"#)?;
                    if jaga {
                        xml.extend_from_slice(br#" xml:space="preserve""#);
                    }
                    xml.push(b'>');
                    escape_teks(t, &mut xml);
                    xml.extend_from_slice(b"</t></is></c>");
                }
                Isi::Angka(d) => {
                    write!(xml, r#"<c r="{nama}{r}" s="{s}"><v>"#)?;
                    tulis_angka(*d, &mut xml);
                    xml.extend_from_slice(b"</v></c>");
                }
                Isi::Rumus { rumus, hasil } => {
                    let jenis = match hasil {
                        Hasil::Angka(_) => "",
                        Hasil::Teks(_) => r#" t="str""#,
                    };
                    write!(xml, r#"<c r="{nama}{r}" s="{s}"{jenis}><f>"#)?;
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
    keluar.write_all(&xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nama_kolom_seperti_excel() {
        assert_eq!(nama_kolom(0), "A");
        assert_eq!(nama_kolom(6), "G");
        assert_eq!(nama_kolom(25), "Z");
        assert_eq!(nama_kolom(26), "AA");
        assert_eq!(nama_kolom(51), "AZ");
        assert_eq!(nama_kolom(52), "BA");
        assert_eq!(nama_kolom(701), "ZZ");
        assert_eq!(nama_kolom(702), "AAA");
        assert_eq!(nama_kolom(16383), "XFD");
    }

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
