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
use std::collections::HashMap;
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

/// The formats one workbook needs, made once each.
#[derive(Default)]
struct Gaya {
    sel: HashMap<(Bentuk, bool, u8, bool), Format>,
}

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

    fn sel(&mut self, bentuk: Bentuk, tebal: bool, indent: u8, strip_nol: bool) -> &Format {
        self.sel
            .entry((bentuk, tebal, indent, strip_nol))
            .or_insert_with(|| {
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
    for (i, baris) in tabel.baris.iter().enumerate() {
        let r = awal + i as u32;
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

/// Writes the tables as one workbook at `keluaran`, atomically.
pub fn tulis(tabel: &[Tabel], keluaran: &Path) -> Result<(), GalatTulis> {
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
    let mut gaya = Gaya::default();
    for t in tabel {
        let ws = wb.add_worksheet();
        tulis_tabel(ws, t, &mut gaya).map_err(galat)?;
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
