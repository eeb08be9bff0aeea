//! Templat: a [`Formulir`] as a blank xlsx workbook staff can fill in (`lkjip templat`).
//!
//! Each sheet of the form gets its opening lines, then each table's header (bold, bordered,
//! with the column's explanation as the cell's note) and its prepared rows: borders, the
//! number format of what the column holds and a data validation that stops the mistakes a
//! reader could not undo (a triwulan 5, a year 22, a polaritas that is neither word). The
//! `Angka` columns are not validated as numbers, because `n/a` (not measured) is a valid
//! entry there and must never be turned into 0; they only show a reminder. A last sheet,
//! `Petunjuk`, repeats the form's notes and every column's explanation for printing.
//!
//! The workbook is saved to a temporary file beside the target and renamed, as
//! [`super::tulis`] does, and its document date is fixed, so the committed templates are the
//! same bytes whenever they are regenerated.

use super::{GalatTulis, PAPER_A4, TINGGI_BARIS, baris_teks};
use crate::formulir::{Formulir, JenisIsi, KolomFormulir, LembarFormulir, TabelFormulir};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime,
    Format, FormatAlign, FormatBorder, Note, Workbook, Worksheet, XlsxError,
};
use std::io::Write;
use std::path::Path;

/// The name of the last sheet.
pub const LEMBAR_PETUNJUK: &str = "Petunjuk";

/// Where one table of a sheet lands, 0-based rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letak {
    /// The first opening line (the table's first row).
    pub awal: u32,
    pub kepala: u32,
    /// The first prepared row.
    pub isian: u32,
    /// The closing (`JUMLAH`) row, if the table has one.
    pub penutup: Option<u32>,
    /// The last row the table uses.
    pub akhir: u32,
}

/// Where each table of a sheet goes: opening lines from the top (or two empty rows under
/// the table before), one empty row, the header, the prepared rows, the closing row.
pub fn letak(lembar: &LembarFormulir) -> Vec<Letak> {
    let mut hasil: Vec<Letak> = Vec::new();
    for t in &lembar.tabel {
        let awal = hasil.last().map_or(0, |l| l.akhir + 3);
        let pembuka = t.pembuka.len() as u32;
        let kepala = if pembuka > 0 {
            awal + pembuka + 1
        } else {
            awal
        };
        let isian = kepala + 1;
        let penutup = t.penutup.map(|_| isian + t.baris_isian);
        let akhir = penutup.unwrap_or(isian + t.baris_isian.max(1) - 1);
        hasil.push(Letak {
            awal,
            kepala,
            isian,
            penutup,
            akhir,
        });
    }
    hasil
}

/// The column that carries the closing label: the first text column the reader requires
/// (the uraian or program column), else the first text column.
pub fn kolom_penutup(t: &TabelFormulir) -> u16 {
    let teks = |k: &&KolomFormulir| k.isi == JenisIsi::Teks;
    t.kolom
        .iter()
        .position(|k| teks(&k) && k.wajib)
        .or_else(|| t.kolom.iter().position(|k| teks(&k)))
        .unwrap_or(0) as u16
}

/// The formats of a form, made once.
struct Gaya {
    judul: Format,
    kepala: Format,
    keterangan: Format,
}

impl Gaya {
    fn baru() -> Gaya {
        Gaya {
            judul: Format::new().set_bold().set_font_size(12),
            kepala: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xD9E1F2),
            keterangan: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }

    /// A prepared cell of a column holding `isi`; bold on the closing row.
    fn isian(isi: JenisIsi, tebal: bool) -> Format {
        let f = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        let f = match isi {
            // Text, so that a typed code (`7.01.01`) or `1.500 Orang` stays as written
            // instead of turning into a number or a date.
            JenisIsi::Teks => f.set_num_format("@").set_text_wrap(),
            JenisIsi::Angka => f.set_num_format("General"),
            JenisIsi::Rupiah => f.set_num_format("#,##0.00"),
            JenisIsi::Pilihan(_) | JenisIsi::Triwulan | JenisIsi::Tahun => {
                f.set_num_format("General").set_align(FormatAlign::Center)
            }
        };
        if tebal { f.set_bold() } else { f }
    }
}

/// The data validation of a column's prepared rows, if its content has one.
fn validasi(k: &KolomFormulir) -> Result<Option<DataValidation>, XlsxError> {
    let judul_galat = "Isian tidak sah";
    let dv = match k.isi {
        JenisIsi::Teks => return Ok(None),
        JenisIsi::Pilihan(pilihan) => DataValidation::new()
            .allow_list_strings(pilihan)?
            .set_error_title(judul_galat)?
            .set_error_message(format!(
                "{}: pilih {} (atau kosongkan).",
                k.judul,
                pilihan.join(" atau ")
            ))?,
        JenisIsi::Triwulan => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(1, 4))
            .set_error_title(judul_galat)?
            .set_error_message(format!("{}: tulis 1, 2, 3 atau 4.", k.judul))?,
        JenisIsi::Tahun => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(2000, 2100))
            .set_error_title(judul_galat)?
            .set_error_message(format!(
                "{}: tulis tahunnya dengan empat angka, mis. 2024.",
                k.judul
            ))?,
        // A warning, not a stop: lkjip also reads an amount typed as Indonesian text
        // (`1.234.567,89`), which a spreadsheet in another language keeps as text.
        JenisIsi::Rupiah => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Bukan angka")?
            .set_error_message(format!(
                "{}: tulis angka rupiah, mis. 1234567,89. Tetap simpan isian ini?",
                k.judul
            ))?,
        // `n/a` is a valid entry: a reminder only.
        JenisIsi::Angka => DataValidation::new()
            .allow_any_value()
            .set_input_title(judul_masukan(k.judul))?
            .set_input_message(
                "Tulis angka (87,4 atau 100), bukan persen Excel; n/a bila tidak diukur (bukan 0).",
            )?,
    };
    Ok(Some(dv))
}

/// An input message title: Excel allows 32 characters.
fn judul_masukan(judul: &str) -> String {
    if judul.chars().count() <= 32 {
        judul.to_string()
    } else {
        let mut t: String = judul.chars().take(31).collect();
        t.push('…');
        t
    }
}

/// A note for a header cell, sized to its text (Tahoma 8: about 40 characters a line at
/// 240 pixels).
fn catatan(teks: &str) -> Note {
    let garis = teks.chars().count().div_ceil(38).max(1) as u32;
    Note::new(teks)
        .add_author_prefix(false)
        .set_author("lkjip")
        .set_width(240)
        .set_height(14 * garis + 12)
}

/// The header row's height: enough lines for the longest title in its column.
fn tinggi_kepala(t: &TabelFormulir) -> f64 {
    let garis = t
        .kolom
        .iter()
        .map(|k| baris_teks(k.judul, k.lebar, 0, true))
        .max()
        .unwrap_or(1);
    TINGGI_BARIS * garis as f64 + 6.0
}

fn tulis_tabel(ws: &mut Worksheet, t: &TabelFormulir, l: Letak, g: &Gaya) -> Result<(), XlsxError> {
    for (i, baris) in t.pembuka.iter().enumerate() {
        let r = l.awal + i as u32;
        if i == 0 {
            ws.write_string_with_format(r, 0, baris, &g.judul)?;
        } else {
            ws.write_string(r, 0, baris)?;
        }
    }
    ws.set_row_height(l.kepala, tinggi_kepala(t))?;
    let akhir_isian = l.isian + t.baris_isian.max(1) - 1;
    for (c, k) in t.kolom.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(l.kepala, c, k.judul, &g.kepala)?;
        ws.insert_note(l.kepala, c, &catatan(k.penjelasan))?;
        if t.baris_isian > 0 {
            let f = Gaya::isian(k.isi, false);
            for r in l.isian..=akhir_isian {
                ws.write_blank(r, c, &f)?;
            }
            if let Some(dv) = validasi(k)? {
                ws.add_data_validation(l.isian, c, akhir_isian, c, &dv)?;
            }
        }
    }
    if let (Some(r), Some(label)) = (l.penutup, t.penutup) {
        let c_label = kolom_penutup(t);
        for (c, k) in t.kolom.iter().enumerate() {
            let c = c as u16;
            let f = Gaya::isian(k.isi, true);
            if c == c_label {
                ws.write_string_with_format(r, c, label, &f)?;
            } else {
                ws.write_blank(r, c, &f)?;
            }
        }
    }
    Ok(())
}

/// Print settings shared by every sheet: A4, one page wide; the form sheets landscape
/// (their tables are wide), the Petunjuk sheet portrait, so its tables fit on fewer pages.
fn atur_cetak(ws: &mut Worksheet, mendatar: bool) {
    if mendatar {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_paper_size(PAPER_A4);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&CHalaman &P dari &N");
}

fn tulis_lembar(ws: &mut Worksheet, lembar: &LembarFormulir, g: &Gaya) -> Result<(), XlsxError> {
    ws.set_name(lembar.nama)?;
    ws.set_default_note_author("lkjip");
    let letak = letak(lembar);
    let mut lebar: Vec<f64> = Vec::new();
    for t in &lembar.tabel {
        for (c, k) in t.kolom.iter().enumerate() {
            if lebar.len() <= c {
                lebar.push(k.lebar);
            } else {
                lebar[c] = lebar[c].max(k.lebar);
            }
        }
    }
    for (c, w) in lebar.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (t, l) in lembar.tabel.iter().zip(&letak) {
        tulis_tabel(ws, t, *l, g)?;
    }
    atur_cetak(ws, true);
    // The prepared rows, though empty: without a print area LibreOffice leaves out empty
    // formatted rows far below the last text (the blank Program sheet, 150 rows, printed
    // as its header alone).
    if let Some(akhir) = letak.last().map(|l| l.akhir) {
        ws.set_print_area(0, 0, akhir, lebar.len().max(1) as u16 - 1)?;
    }
    if let Some(l) = letak.first() {
        ws.set_freeze_panes(l.kepala + 1, 0)?;
        // The header on every printed page, when it is the only header of the sheet.
        if letak.len() == 1 {
            ws.set_repeat_rows(l.kepala, l.kepala)?;
        }
    }
    Ok(())
}

/// Widths of the Petunjuk sheet: Lembar, Kolom, Wajib, Penjelasan.
const LEBAR_PETUNJUK: [f64; 4] = [16.0, 36.0, 8.0, 70.0];

/// A line across the four columns of the Petunjuk sheet, wrapped, its row as high as its
/// text needs.
fn baris_lebar(
    ws: &mut Worksheet,
    r: u32,
    teks: &str,
    f: &Format,
    tebal: bool,
) -> Result<(), XlsxError> {
    let lebar: f64 = LEBAR_PETUNJUK.iter().sum();
    let garis = baris_teks(teks, lebar, 0, tebal);
    if garis > 1 {
        ws.set_row_height(r, TINGGI_BARIS * garis as f64 + 2.0)?;
    }
    ws.merge_range(r, 0, r, LEBAR_PETUNJUK.len() as u16 - 1, teks, f)?;
    Ok(())
}

fn tulis_petunjuk(ws: &mut Worksheet, f: &Formulir, g: &Gaya) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_PETUNJUK)?;
    for (c, w) in LEBAR_PETUNJUK.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let keterangan_tebal = g.keterangan.clone().set_bold();
    let sel = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let sel_tengah = sel.clone().set_align(FormatAlign::Center);
    let mut r = 0;
    ws.write_string_with_format(
        r,
        0,
        format!(
            "PETUNJUK PENGISIAN FORMULIR {}",
            f.jenis.nama().to_uppercase()
        ),
        &g.judul,
    )?;
    r += 2;
    for p in &f.petunjuk {
        baris_lebar(ws, r, p, &g.keterangan, false)?;
        r += 1;
    }
    for lembar in &f.lembar {
        r += 1;
        baris_lebar(
            ws,
            r,
            &format!("Lembar {}: {}.", lembar.nama, lembar.guna),
            &keterangan_tebal,
            true,
        )?;
        r += 1;
        ws.set_row_height(r, TINGGI_BARIS + 6.0)?;
        for (c, judul) in ["Lembar", "Kolom", "Wajib", "Penjelasan"]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(r, c as u16, *judul, &g.kepala)?;
        }
        r += 1;
        for t in &lembar.tabel {
            for k in &t.kolom {
                let garis = baris_teks(k.judul, LEBAR_PETUNJUK[1], 0, false).max(baris_teks(
                    k.penjelasan,
                    LEBAR_PETUNJUK[3],
                    0,
                    false,
                ));
                if garis > 1 {
                    ws.set_row_height(r, TINGGI_BARIS * garis as f64 + 2.0)?;
                }
                ws.write_string_with_format(r, 0, lembar.nama, &sel)?;
                ws.write_string_with_format(r, 1, k.judul, &sel)?;
                ws.write_string_with_format(
                    r,
                    2,
                    if k.wajib { "ya" } else { "tidak" },
                    &sel_tengah,
                )?;
                ws.write_string_with_format(r, 3, k.penjelasan, &sel)?;
                r += 1;
            }
        }
    }
    atur_cetak(ws, false);
    Ok(())
}

/// The form as xlsx bytes.
pub fn buku(f: &Formulir) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // Fixed, so that the same form gives the same bytes (the committed templates).
    let tanggal = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&tanggal)
            .set_author("lkjip")
            .set_title(format!("Formulir {} lkjip", f.jenis.nama()))
            .set_comment("Dibuat dengan lkjip templat"),
    );
    let g = Gaya::baru();
    for lembar in &f.lembar {
        tulis_lembar(wb.add_worksheet(), lembar, &g)?;
    }
    tulis_petunjuk(wb.add_worksheet(), f, &g)?;
    wb.save_to_buffer()
}

/// Writes the blank form `f` to `keluaran`, atomically: a temporary file in the target
/// folder, renamed when complete.
pub fn tulis(f: &Formulir, keluaran: &Path) -> Result<(), GalatTulis> {
    let berkas = keluaran.display().to_string();
    let galat = |sebab: String| GalatTulis::Tulis {
        berkas: berkas.clone(),
        sebab,
    };
    let isi = buku(f).map_err(|e| galat(e.to_string()))?;
    super::simpan_atomik(keluaran, |mut berkas| {
        berkas.write_all(&isi).map_err(|e| e.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formulir::{JenisFormulir, formulir};

    #[test]
    fn tabel_bertumpuk_berjarak_dua_baris_kosong() {
        let f = formulir(JenisFormulir::Pk, 2026);
        let l = letak(&f.lembar[0]);
        // Four opening lines, an empty row, the header, ten rows.
        assert_eq!(
            l[0],
            Letak {
                awal: 0,
                kepala: 5,
                isian: 6,
                penutup: None,
                akhir: 15
            }
        );
        // Two empty rows, the header, fifteen rows, JUMLAH.
        assert_eq!(
            l[1],
            Letak {
                awal: 18,
                kepala: 18,
                isian: 19,
                penutup: Some(34),
                akhir: 34
            }
        );
        assert_eq!(kolom_penutup(&f.lembar[0].tabel[1]), 1);
    }

    #[test]
    fn tabel_tanpa_pembuka_mulai_di_baris_pertama() {
        let f = formulir(JenisFormulir::Kinerja, 2026);
        for lembar in &f.lembar {
            assert_eq!(letak(lembar)[0].kepala, 0, "{}", lembar.nama);
        }
    }

    #[test]
    fn setiap_validasi_diterima_excel() {
        // Titles and messages within Excel's limits, lists within 255 characters.
        for jenis in JenisFormulir::SEMUA {
            for lembar in formulir(jenis, 2026).lembar {
                for t in &lembar.tabel {
                    for k in &t.kolom {
                        validasi(k).unwrap_or_else(|e| panic!("{}: {e}", k.judul));
                    }
                }
            }
        }
    }
}
