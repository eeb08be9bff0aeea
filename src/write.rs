//! Write: the only module that knows rust_xlsxwriter.
//!
//! Each [`Tabel`] becomes a sheet formatted the way staff format it by hand: a title, bold
//! bordered wrapped header rows, the column-number row, rupiah as `#,##0.00` and percentages
//! as `0.00` (Indonesian Excel shows them `1.234,56`), bold and indent by level, frozen
//! header, A4 landscape one page wide with the header repeated on every page. The workbook is
//! written to a temporary file beside the target and renamed, so a failure never leaves half
//! a workbook; the document date is fixed so identical input gives identical bytes.

use crate::tables::{BARIS_KEPALA_AWAL, Bentuk, Hasil, Isi, Tabel};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum GalatTulis {
    #[error(
        "{berkas}: folder tujuan tidak ada atau tidak dapat ditulisi ({sebab}). Pilih folder lain dengan -o."
    )]
    Folder {
        berkas: String,
        sebab: std::io::Error,
    },
    #[error(
        "{berkas}: buku kerja tidak dapat ditulis ({sebab}). Jika berkas itu sedang terbuka di Excel, tutup dulu."
    )]
    Tulis { berkas: String, sebab: String },
}

/// The formats one workbook needs, made once each and looked up by a small index (a
/// hash lookup per cell showed in profiles of large tables).
struct Gaya {
    sel: Vec<Option<Format>>,
}

impl Default for Gaya {
    fn default() -> Self {
        Gaya {
            sel: vec![None; 5 * 2 * INDENT_MAKS * 2],
        }
    }
}

const INDENT_MAKS: usize = 4;

const PAPER_A4: u8 = 9;

impl Gaya {
    fn judul() -> Format {
        Format::new()
            .set_bold()
            .set_font_size(12)
            .set_align(FormatAlign::Left)
    }

    fn kepala() -> Format {
        Format::new()
            .set_bold()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(0xD9E1F2)
    }

    fn nomor_kolom() -> Format {
        Format::new()
            .set_italic()
            .set_font_size(9)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_background_color(0xF2F2F2)
    }

    /// Every format a table can use, in a fixed order.
    fn semua() -> Vec<Format> {
        let mut gaya = Gaya::default();
        let mut semua = vec![Gaya::judul(), Gaya::kepala(), Gaya::nomor_kolom()];
        for bentuk in [
            Bentuk::Teks,
            Bentuk::Rupiah,
            Bentuk::RupiahRp,
            Bentuk::Persen,
            Bentuk::Tengah,
        ] {
            for tebal in [false, true] {
                for indent in 0..INDENT_MAKS as u8 {
                    for strip_nol in [false, true] {
                        semua.push(gaya.sel(bentuk, tebal, indent, strip_nol).clone());
                    }
                }
            }
        }
        semua
    }

    fn sel(&mut self, bentuk: Bentuk, tebal: bool, indent: u8, strip_nol: bool) -> &Format {
        let indent = (indent as usize).min(INDENT_MAKS - 1);
        let i = (((bentuk as usize * 2 + usize::from(tebal)) * INDENT_MAKS + indent) * 2)
            + usize::from(strip_nol);
        let indent = indent as u8;
        self.sel[i].get_or_insert_with(|| {
            let mut f = Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top);
            f = match bentuk {
                Bentuk::Teks => f.set_text_wrap().set_indent(indent),
                Bentuk::Rupiah if strip_nol => f
                    .set_num_format("#,##0.00;-#,##0.00;\"-\"")
                    .set_align(FormatAlign::Right),
                Bentuk::Rupiah => f.set_num_format("#,##0.00").set_align(FormatAlign::Right),
                Bentuk::RupiahRp => f
                    .set_num_format("\"Rp \"#,##0.00")
                    .set_align(FormatAlign::Right),
                Bentuk::Persen if strip_nol => f
                    .set_num_format("0.00;-0.00;\"-\"")
                    .set_align(FormatAlign::Right),
                Bentuk::Persen => f.set_num_format("0.00").set_align(FormatAlign::Right),
                Bentuk::Tengah => f.set_num_format("0").set_align(FormatAlign::Center),
            };
            if tebal {
                f = f.set_bold();
            }
            f
        })
    }
}

/// The deflate level of the written xlsx (1 fastest … 9 smallest).
pub const TINGKAT_KOMPRESI: u8 = 3;

/// Default row height in points (Calibri 11).
const TINGGI_BARIS: f64 = 15.0;

fn lebar_gabung(tabel: &Tabel, c0: u16, c1: u16) -> f64 {
    (c0..=c1)
        .map(|c| tabel.lebar.get(c as usize).copied().unwrap_or(10.0))
        .sum()
}

/// How many lines a text needs in a column `lebar` characters wide, wrapping at spaces.
/// Widths count the digit `0`; capitals are wider and spaces narrower, so each character is
/// weighed (roughly, for Calibri and the fonts LibreOffice substitutes for it).
fn baris_teks(teks: &str, lebar: f64, indent: u8, tebal: bool) -> usize {
    let muat =
        (lebar * 1.1 - 2.0 - 1.5 * f64::from(indent)).max(4.0) / if tebal { 1.12 } else { 1.0 };
    let berat = |c: char| match c {
        'A'..='Z' | 'm' | 'w' => 1.25,
        ' ' | 'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | '/' | '(' | ')' | '-' => 0.6,
        _ => 1.0,
    };
    let mut garis = 1;
    let mut isi = 0.0;
    for kata in teks.split(' ') {
        let n: f64 = kata.chars().map(berat).sum();
        if isi > 0.0 && isi + 0.6 + n > muat {
            garis += 1;
            isi = n;
        } else {
            isi += n + if isi > 0.0 { 0.6 } else { 0.0 };
        }
    }
    garis
}

fn ke_f64(d: Decimal) -> f64 {
    // Storage only: an xlsx number is a double. No arithmetic happens on it.
    d.to_f64().unwrap_or_default()
}

fn tulis_tabel(ws: &mut Worksheet, tabel: &Tabel, gaya: &mut Gaya) -> Result<(), XlsxError> {
    ws.set_name(&tabel.nama_lembar)?;
    let kolom_akhir = (tabel.lebar.len().max(1) - 1) as u16;
    for (c, lebar) in tabel.lebar.iter().enumerate() {
        ws.set_column_width(c as u16, *lebar)?;
    }
    if kolom_akhir > 0 {
        ws.merge_range(0, 0, 0, kolom_akhir, &tabel.judul, &Gaya::judul())?;
    } else {
        ws.write_string_with_format(0, 0, &tabel.judul, &Gaya::judul())?;
    }
    let kepala = Gaya::kepala();
    for k in &tabel.kepala {
        let (r0, r1) = (BARIS_KEPALA_AWAL + k.r0, BARIS_KEPALA_AWAL + k.r1);
        if r0 == r1 && k.c0 == k.c1 {
            ws.write_string_with_format(r0, k.c0, &k.teks, &kepala)?;
        } else {
            ws.merge_range(r0, k.c0, r1, k.c1, &k.teks, &kepala)?;
        }
    }
    let awal = tabel.baris_data_awal();
    if let Some(nomor) = &tabel.nomor_kolom {
        let f = Gaya::nomor_kolom();
        for (c, t) in nomor.iter().enumerate() {
            ws.write_string_with_format(awal - 1, c as u16, t, &f)?;
        }
    }
    let tinggi_kepala = tabel
        .kepala
        .iter()
        .map(|k| baris_teks(&k.teks, lebar_gabung(tabel, k.c0, k.c1), 0, true))
        .max()
        .unwrap_or(1);
    for r in BARIS_KEPALA_AWAL..BARIS_KEPALA_AWAL + tabel.baris_kepala {
        ws.set_row_height(r, TINGGI_BARIS * tinggi_kepala as f64 + 4.0)?;
    }
    for (i, baris) in tabel.baris.iter().enumerate() {
        let r = awal + i as u32;
        // Excel grows a wrapped row when it opens the file, LibreOffice and PDF export do not:
        // set the height the wrapped text needs.
        let garis = baris
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
            .unwrap_or(1);
        if garis > 1 {
            ws.set_row_height(r, TINGGI_BARIS * garis as f64 + 2.0)?;
        }
        for (c, sel) in baris.sel.iter().enumerate() {
            let c = c as u16;
            let indent = if c == tabel.kolom_uraian {
                baris.indent
            } else {
                0
            };
            let f = gaya.sel(sel.bentuk, baris.tebal, indent, tabel.strip_nol);
            match &sel.isi {
                Isi::Kosong => ws.write_blank(r, c, f)?,
                Isi::Teks(t) => ws.write_string_with_format(r, c, t, f)?,
                Isi::Angka(d) => ws.write_number_with_format(r, c, ke_f64(*d), f)?,
                Isi::Rumus { rumus, hasil } => {
                    let hasil = match hasil {
                        Hasil::Angka(d) => d.normalize().to_string(),
                        Hasil::Teks(t) => t.clone(),
                    };
                    ws.write_formula_with_format(r, c, Formula::new(rumus).set_result(hasil), f)?
                }
            };
        }
    }
    ws.set_freeze_panes(awal, 0)?;
    ws.set_landscape();
    ws.set_paper_size(PAPER_A4);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(BARIS_KEPALA_AWAL, awal - 1)?;
    ws.set_footer("&CHalaman &P dari &N");
    Ok(())
}

/// Builds one table when called; the tables of a workbook are built and written on their
/// own threads.
pub type Pembuat<'a> = Box<dyn FnOnce() -> Tabel + Send + 'a>;

/// Writes the tables as one workbook at `keluaran`, atomically.
///
/// Each table is built and written on its own thread (a large LRA gives two tables of tens
/// of thousands of rows), each sheet streaming its rows to disk. Every format is registered
/// with the workbook before the threads start, so the style numbers, and with them the
/// file's bytes, do not depend on which thread ran first.
pub fn tulis(pembuat: Vec<Pembuat<'_>>, keluaran: &Path) -> Result<(), GalatTulis> {
    let berkas = keluaran.display().to_string();
    let galat = |sebab: XlsxError| GalatTulis::Tulis {
        berkas: berkas.clone(),
        sebab: sebab.to_string(),
    };
    let mut wb = Workbook::new();
    let tanggal = ExcelDateTime::from_ymd(2000, 1, 1).map_err(galat)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&tanggal)
            .set_title("Tabel LKjIP")
            .set_comment("Disusun dengan lkjip"),
    );
    // Deflate is most of the time a large table takes to save. Level 3 instead of the
    // default 6 saves about a quarter of susun's time for 9 % more bytes (BENCHMARKS.md);
    // the benchmark floor uses the same level.
    wb.set_zip_compression_level(TINGKAT_KOMPRESI);
    {
        let mut daftar = wb.new_worksheet_with_constant_memory().map_err(galat)?;
        for (c, f) in Gaya::semua().iter().enumerate() {
            daftar.write_blank(0, c as u16, f).map_err(galat)?;
        }
    }
    let mut lembar = Vec::with_capacity(pembuat.len());
    for _ in 0..pembuat.len() {
        lembar.push(wb.new_worksheet_with_constant_memory().map_err(galat)?);
    }
    let hasil: Vec<Result<(), XlsxError>> = std::thread::scope(|lingkup| {
        let tugas: Vec<_> = lembar
            .iter_mut()
            .zip(pembuat)
            .map(|(ws, buat)| lingkup.spawn(move || tulis_tabel(ws, &buat(), &mut Gaya::default())))
            .collect();
        tugas
            .into_iter()
            .map(|t| {
                t.join().unwrap_or_else(|_| {
                    Err(XlsxError::ParameterError("utas penulis berhenti".into()))
                })
            })
            .collect()
    });
    for h in hasil {
        h.map_err(galat)?;
    }
    for ws in lembar {
        wb.push_worksheet(ws);
    }
    let folder = match keluaran.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let sementara = tempfile::Builder::new()
        .prefix(".lkjip-")
        .suffix(".xlsx")
        .tempfile_in(&folder)
        .map_err(|sebab| GalatTulis::Folder {
            berkas: berkas.clone(),
            sebab,
        })?;
    wb.save(sementara.path()).map_err(galat)?;
    sementara.persist(keluaran).map_err(|e| GalatTulis::Tulis {
        berkas: berkas.clone(),
        sebab: e.error.to_string(),
    })?;
    Ok(())
}
