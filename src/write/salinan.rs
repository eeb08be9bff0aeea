//! The marked copy of an audited workbook (`periksa --keluaran`): its values, marked cells
//! filled (galat red, peringatan yellow) with a note each, then the Temuan sheet. Written
//! to a temporary file beside the target and renamed, like every workbook lkjip writes.

use super::{GalatTulis, Gaya, TINGGI_BARIS, baris_teks, buku_baru, tulis_kepala};
use crate::tables::salinan::{IsiSalinan, LembarSalinan};
use crate::tables::{Hasil, Isi, Tabel};
use crate::temuan::Tingkat;
use rust_xlsxwriter::{Format, FormatBorder, Note, Worksheet, XlsxError};
use std::path::Path;

/// Excel's fills for "bad" and "neutral", which staff know from conditional formatting.
const MERAH: u32 = 0xFFC7CE;
const KUNING: u32 = 0xFFEB9C;
/// A note holds at most this many characters here (Excel's cell text limit, with room).
const CATATAN_MAKS: usize = 30_000;
/// Notes written per workbook at most: each costs rust_xlsxwriter a drawing shape, and a
/// sheet with 50,000 findings took 800 MB. Cells beyond are still filled; the Temuan sheet
/// lists every finding.
pub const CATATAN_JUMLAH_MAKS: usize = 2_000;

fn isian(tingkat: Tingkat) -> Format {
    Format::new()
        .set_background_color(if tingkat == Tingkat::Galat {
            MERAH
        } else {
            KUNING
        })
        .set_border(FormatBorder::Thin)
        .set_border_color(if tingkat == Tingkat::Galat {
            0x9C0006
        } else {
            0x9C5700
        })
}

fn tulis_lembar(
    ws: &mut Worksheet,
    l: &LembarSalinan,
    sisa_catatan: &mut usize,
) -> Result<(), XlsxError> {
    ws.set_name(&l.nama)?;
    ws.set_landscape();
    ws.set_paper_size(super::PAPER_A4);
    ws.set_print_fit_to_pages(1, 0);
    let mut lebar: Vec<usize> = Vec::new();
    let (merah, kuning) = (isian(Tingkat::Galat), isian(Tingkat::Peringatan));
    let f = |t: Tingkat| if t == Tingkat::Galat { &merah } else { &kuning };
    // A row of one cell is a title: it may run across, and does not widen its column.
    let mut per_baris: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (a, _) in &l.sel {
        *per_baris.entry(a.r).or_default() += 1;
    }
    for (a, isi) in &l.sel {
        let (r, c) = (a.r, a.c as u16);
        let tanda = l.tanda.get(&(a.r, a.c));
        match (isi, tanda) {
            (IsiSalinan::Teks(t), Some(x)) => ws.write_string_with_format(r, c, t, f(x.tingkat))?,
            (IsiSalinan::Teks(t), None) => ws.write_string(r, c, t)?,
            (IsiSalinan::Angka(n), Some(x)) => {
                ws.write_number_with_format(r, c, *n, f(x.tingkat))?
            }
            (IsiSalinan::Angka(n), None) => ws.write_number(r, c, *n)?,
        };
        let n = match isi {
            _ if per_baris.get(&a.r) == Some(&1) => 0,
            IsiSalinan::Teks(t) => t.chars().count().min(45),
            IsiSalinan::Angka(_) => 16,
        };
        if lebar.len() <= a.c as usize {
            lebar.resize(a.c as usize + 1, 8);
        }
        lebar[a.c as usize] = lebar[a.c as usize].max(n);
    }
    for (c, w) in lebar.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).min(45.0))?;
    }
    let berisi: std::collections::HashSet<(u32, u32)> =
        l.sel.iter().map(|(a, _)| (a.r, a.c)).collect();
    for (&(r, c), x) in &l.tanda {
        if !berisi.contains(&(r, c)) {
            ws.write_blank(r, c as u16, f(x.tingkat))?;
        }
        if *sisa_catatan == 0 {
            continue;
        }
        *sisa_catatan -= 1;
        let teks: String = x.catatan.chars().take(CATATAN_MAKS).collect();
        let note = Note::new(teks)
            .set_author("lkjip")
            .set_width(360)
            .set_height(160);
        ws.insert_note(r, c as u16, &note)?;
    }
    Ok(())
}

/// A small table written cell by cell (the Temuan sheet of the copy).
fn tulis_tabel(ws: &mut Worksheet, tabel: &mut Tabel) -> Result<(), XlsxError> {
    // Printed as the tables' Temuan sheet is: landscape, one page wide, header repeated.
    super::atur_lembar(ws, tabel)?;
    tulis_kepala(ws, tabel)?;
    let mut gaya = Gaya::default();
    let awal = tabel.baris_data_awal();
    let awal_lebar = tabel.lebar.clone();
    let kolom_uraian = tabel.kolom_uraian;
    for (r, baris) in (awal..).zip(tabel.baris.by_ref()) {
        let mut garis = 1;
        for (c, s) in baris.sel.iter().enumerate() {
            let indent = if c as u16 == kolom_uraian {
                baris.indent
            } else {
                0
            };
            let f = gaya.sel(s.bentuk, baris.tebal, indent, false).clone();
            let c16 = c as u16;
            match &s.isi {
                Isi::Kosong => ws.write_blank(r, c16, &f)?,
                Isi::Teks(t) => {
                    garis = garis.max(baris_teks(
                        t,
                        awal_lebar.get(c).copied().unwrap_or(10.0),
                        indent,
                        baris.tebal,
                    ));
                    ws.write_string_with_format(r, c16, t, &f)?
                }
                Isi::Angka(d) => ws.write_number_with_format(
                    r,
                    c16,
                    rust_decimal::prelude::ToPrimitive::to_f64(d).unwrap_or_default(),
                    &f,
                )?,
                Isi::Rumus { rumus, hasil } => {
                    let mut formula = rust_xlsxwriter::Formula::new(rumus);
                    formula = match hasil {
                        Hasil::Angka(d) => formula.set_result(d.to_string()),
                        Hasil::Teks(t) => formula.set_result(t),
                    };
                    ws.write_formula_with_format(r, c16, formula, &f)?
                }
            };
        }
        if garis > 1 {
            ws.set_row_height(r, TINGGI_BARIS * garis as f64 + 2.0)?;
        }
    }
    Ok(())
}

/// Writes the marked copy of `lembar` and then `temuan` (the Temuan sheet) to `keluaran`.
pub fn tulis(
    lembar: &[LembarSalinan],
    mut temuan: Tabel<'_>,
    keluaran: &Path,
) -> Result<(), GalatTulis> {
    let berkas = keluaran.display().to_string();
    let galat = |e: XlsxError| GalatTulis::Tulis {
        berkas: berkas.clone(),
        sebab: e.to_string(),
    };
    let mut wb = buku_baru().map_err(galat)?;
    let mut sisa_catatan = CATATAN_JUMLAH_MAKS;
    for l in lembar {
        tulis_lembar(wb.add_worksheet(), l, &mut sisa_catatan).map_err(galat)?;
    }
    tulis_tabel(wb.add_worksheet(), &mut temuan).map_err(galat)?;
    let isi = wb.save_to_buffer().map_err(galat)?;
    super::simpan_atomik(keluaran, |mut berkas| {
        std::io::Write::write_all(&mut berkas, &isi).map_err(|e| e.to_string())
    })
}
