//! Write: the only module that knows xlsx (rust_xlsxwriter and the zip package).
//!
//! Each [`Tabel`] becomes a sheet formatted the way staff format it by hand: a title, bold
//! bordered wrapped header rows, the column-number row, rupiah as `#,##0.00` and percentages
//! as `0.00` (Indonesian Excel shows them `1.234,56`), bold and indent by level, frozen
//! header, A4 landscape one page wide with the header repeated on every page. The workbook is
//! written to a temporary file beside the target and renamed, so a failure never leaves half
//! a workbook; the document date is fixed so identical input gives identical bytes.
//!
//! rust_xlsxwriter makes the workbook: styles, sheets and their settings, title and header
//! rows. Two things are done here because the crate has no way to do them and a large LRA
//! (85,000 rows) spent most of `susun`'s time on them (BENCHMARKS.md): the body rows are
//! written as sheet XML by style number (`baris`), and each table's sheet is compressed on
//! its own thread and copied into the package still compressed ([`tulis`]). A test holds
//! the body XML to what rust_xlsxwriter writes for the same cells.

mod baris;
pub mod csv;
pub mod salinan;
pub mod templat;

use crate::tables::grafik::Grafik;
use crate::tables::{BARIS_KEPALA_AWAL, Bentuk, Pembuat, Tabel};
use rust_xlsxwriter::{
    Chart, ChartType, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};
use std::io::{Cursor, Read, Seek, Write};
use std::path::Path;
use zip::{ZipArchive, ZipWriter};

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
    #[error("{berkas}: buku kerja tidak ditulis: {sebab}.")]
    Batas { berkas: String, sebab: String },
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

    /// Every body format's key (bentuk, tebal, indent, strip_nol), in a fixed order.
    fn semua_kunci() -> impl Iterator<Item = (Bentuk, bool, u8, bool)> {
        Bentuk::SEMUA.into_iter().flat_map(|bentuk| {
            [false, true].into_iter().flat_map(move |tebal| {
                (0..INDENT_MAKS as u8).flat_map(move |indent| {
                    [false, true]
                        .into_iter()
                        .map(move |strip_nol| (bentuk, tebal, indent, strip_nol))
                })
            })
        })
    }

    /// Every format a table can use, in a fixed order.
    fn semua() -> Vec<Format> {
        let mut gaya = Gaya::default();
        let mut semua = vec![Gaya::judul(), Gaya::kepala(), Gaya::nomor_kolom()];
        for (bentuk, tebal, indent, strip_nol) in Gaya::semua_kunci() {
            semua.push(gaya.sel(bentuk, tebal, indent, strip_nol).clone());
        }
        semua
    }

    /// The position of a body format in [`Gaya::sel`]'s table.
    fn kunci(bentuk: Bentuk, tebal: bool, indent: u8, strip_nol: bool) -> usize {
        let indent = (indent as usize).min(INDENT_MAKS - 1);
        (((bentuk as usize * 2 + usize::from(tebal)) * INDENT_MAKS + indent) * 2)
            + usize::from(strip_nol)
    }

    fn sel(&mut self, bentuk: Bentuk, tebal: bool, indent: u8, strip_nol: bool) -> &Format {
        let i = Gaya::kunci(bentuk, tebal, indent, strip_nol);
        let indent = indent.min(INDENT_MAKS as u8 - 1);
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

/// The style number of each body format in a workbook made by `buku_baru`.
///
/// rust_xlsxwriter numbers formats in the order it first sees them, 0 being its default
/// format and equal formats sharing a number; [`buku_baru`] shows it [`Gaya::semua`] in
/// order before anything else, so the numbers follow from that list alone. A test checks
/// them against the numbers rust_xlsxwriter writes.
struct NomorGaya {
    nomor: Vec<u32>,
}

impl NomorGaya {
    fn baru() -> NomorGaya {
        let mut unik: Vec<Format> = vec![Format::default()];
        for f in Gaya::semua() {
            if !unik.contains(&f) {
                unik.push(f);
            }
        }
        let mut gaya = Gaya::default();
        let mut nomor = vec![0; gaya.sel.len()];
        for (bentuk, tebal, indent, strip_nol) in Gaya::semua_kunci() {
            let f = gaya.sel(bentuk, tebal, indent, strip_nol);
            let n = unik.iter().position(|u| u == f).unwrap_or_default();
            nomor[Gaya::kunci(bentuk, tebal, indent, strip_nol)] = n as u32;
        }
        NomorGaya { nomor }
    }
}

impl baris::IndeksGaya for NomorGaya {
    fn indeks(&self, bentuk: Bentuk, tebal: bool, indent: u8, strip_nol: bool) -> u32 {
        self.nomor[Gaya::kunci(bentuk, tebal, indent, strip_nol)]
    }
}

/// The rows of one Excel sheet.
const BARIS_EXCEL_MAKS: usize = 1_048_576;

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
    // No character weighs more than 1.25: a text that short fits without measuring.
    if teks.len() as f64 * 1.25 <= muat {
        return 1;
    }
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

/// The sheet's settings: name, widths, frozen header and printing. The name and the print
/// titles live in the workbook part, so the final workbook's empty sheets get them too.
fn atur_lembar(ws: &mut Worksheet, tabel: &Tabel) -> Result<(), XlsxError> {
    ws.set_name(&tabel.nama_lembar)?;
    for (c, lebar) in tabel.lebar.iter().enumerate() {
        ws.set_column_width(c as u16, *lebar)?;
    }
    let awal = tabel.baris_data_awal();
    ws.set_freeze_panes(awal, 0)?;
    ws.set_landscape();
    ws.set_paper_size(PAPER_A4);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(BARIS_KEPALA_AWAL, awal - 1)?;
    ws.set_footer("&CHalaman &P dari &N");
    Ok(())
}

/// The sheet's title, header and column-number rows; the body is [`baris::tulis_badan`]'s.
fn tulis_kepala(ws: &mut Worksheet, tabel: &Tabel) -> Result<(), XlsxError> {
    // Heights first: a constant-memory sheet writes a row out once the next row starts, and
    // a height set after that is lost.
    let tinggi_kepala = tabel
        .kepala
        .iter()
        .map(|k| baris_teks(&k.teks, lebar_gabung(tabel, k.c0, k.c1), 0, true))
        .max()
        .unwrap_or(1);
    for r in BARIS_KEPALA_AWAL..BARIS_KEPALA_AWAL + tabel.baris_kepala {
        ws.set_row_height(r, TINGGI_BARIS * tinggi_kepala as f64 + 4.0)?;
    }
    let kolom_akhir = (tabel.lebar.len().max(1) - 1) as u16;
    if kolom_akhir > 0 {
        ws.merge_range(0, 0, 0, kolom_akhir, &tabel.judul, &Gaya::judul())?;
    } else {
        ws.write_string_with_format(0, 0, &tabel.judul, &Gaya::judul())?;
    }
    let kepala = Gaya::kepala();
    // A constant-memory sheet takes its rows in order: the header cells go top row first.
    let mut urut: Vec<&crate::tables::SelKepala> = tabel.kepala.iter().collect();
    urut.sort_by_key(|k| (k.r0, k.c0));
    for k in urut {
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
    Ok(())
}

/// A new workbook with the fixed document date, the deflate level and every format of
/// [`Gaya::semua`] registered in that order, so that any two workbooks made here number
/// their styles alike (see [`tulis`]).
fn buku_baru() -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let tanggal = ExcelDateTime::from_ymd(2000, 1, 1)?;
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
    // A sheet that is never added to the workbook: writing each format once registers it.
    let mut daftar = wb.new_worksheet_with_constant_memory()?;
    for (c, f) in Gaya::semua().iter().enumerate() {
        daftar.write_blank(0, c as u16, f)?;
    }
    Ok(wb)
}

/// One table's sheet, ready to be copied into the final package: a small zip holding the
/// sheet as [`LEMBAR`] and, to check against the final workbook's, its [`GAYA`], in an
/// unnamed temporary file in `folder`.
///
/// A file, not a buffer: a compressed sheet grows with its table (25 MB for the Rincian
/// sheet of 5,000 DPA), and every table's is held until the package is put together, so in
/// memory they made `konversi`'s peak grow with the number of files read.
///
/// rust_xlsxwriter writes the sheet with its title, header and column-number rows in a
/// workbook of its own (made like the final one by [`buku_baru`]); then its body rows from
/// [`baris::tulis_badan`] go in before `</sheetData>`, and the whole is compressed here, on
/// the table's thread. The table's sheet is the first of that workbook (selected) when it
/// is the first of the final workbook, else the second, after an empty selected sheet.
fn buku_satu_tabel(
    tabel: &mut Tabel,
    pertama: bool,
    nomor_gaya: &NomorGaya,
    folder: &Path,
) -> Result<std::fs::File, GalatKemasan> {
    let awal = tabel.baris_data_awal();
    let baris_akhir = awal as usize + tabel.baris.jumlah;
    if baris_akhir > BARIS_EXCEL_MAKS {
        return Err(GalatKemasan::Batas(format!(
            "{} akan berisi {baris_akhir} baris, lebih dari batas satu lembar Excel ({BARIS_EXCEL_MAKS}); \
             pecah masukannya per organisasi",
            tabel.nama_lembar
        )));
    }
    let mut wb = buku_baru()?;
    if !pertama {
        wb.add_worksheet();
    }
    // Constant memory, as in the final workbook: strings inline, since only the sheet part
    // is taken from this workbook, not its shared-string table.
    let ws = wb.add_worksheet_with_constant_memory()?;
    atur_lembar(ws, tabel)?;
    tulis_kepala(ws, tabel)?;
    let buku = wb.save_to_buffer()?;
    let mut sendiri = ZipArchive::new(Cursor::new(&buku[..]))?;
    let nama = if pertama {
        "xl/worksheets/sheet1.xml"
    } else {
        "xl/worksheets/sheet2.xml"
    };
    let (kerangka, opsi) = {
        let mut entri = sendiri.by_name(nama)?;
        let mut kerangka = String::new();
        entri.read_to_string(&mut kerangka)?;
        let opsi = entri
            .options()
            .compression_level(Some(i64::from(TINGKAT_KOMPRESI)));
        (kerangka, opsi)
    };
    let (kepala, ekor) = belah_lembar(&kerangka, tabel, awal)?;

    let berkas = tempfile::tempfile_in(folder)?;
    let mut zip = ZipWriter::new(std::io::BufWriter::with_capacity(1 << 16, berkas));
    zip.raw_copy_file(sendiri.by_name_raw(GAYA.as_bytes())?)?;
    zip.start_file(LEMBAR, opsi)?;
    zip.write_all(kepala.as_bytes())?;
    baris::tulis_badan(tabel, awal, nomor_gaya, &mut zip)?;
    zip.write_all(ekor.as_bytes())?;
    let mut berkas = zip.finish()?.into_inner().map_err(|e| e.into_error())?;
    berkas.rewind()?;
    Ok(berkas)
}

/// Drops a cell-less `<row r="N" …/>` that repeats the number of the row before it.
///
/// When the last row a constant-memory sheet writes has a height of its own (the header
/// row of a table without a column-number row), rust_xlsxwriter 0.102 writes that row a
/// second time, empty, as it finishes the sheet; inside a complete sheet the body rows
/// followed and hid it. Two rows with one number make Excel repair the file.
fn tanpa_baris_ganda(mut kepala: String) -> String {
    let Some(i) = kepala.rfind("<row ") else {
        return kepala;
    };
    let akhir = &kepala[i..];
    if !akhir.ends_with("/>") || akhir.contains("<c ") {
        return kepala;
    }
    let nomor = |xml: &str| -> Option<String> {
        let r = xml.find(" r=\"")? + 4;
        Some(xml[r..r + xml[r..].find('"')?].to_string())
    };
    let sebelum = kepala[..i]
        .rfind("<row ")
        .and_then(|j| nomor(&kepala[j..i]));
    if sebelum.is_some() && sebelum == nomor(akhir) {
        kepala.truncate(i);
    }
    kepala
}

/// The sheet part rust_xlsxwriter wrote, cut where the body rows go, with its `dimension`
/// widened to cover them.
fn belah_lembar(xml: &str, tabel: &Tabel, awal: u32) -> Result<(String, String), GalatKemasan> {
    let (kepala, ekor) = if let Some(i) = xml.find("</sheetData>") {
        (xml[..i].to_string(), xml[i..].to_string())
    } else if let Some(i) = xml.find("<sheetData/>") {
        (
            format!("{}<sheetData>", &xml[..i]),
            format!("</sheetData>{}", &xml[i + "<sheetData/>".len()..]),
        )
    } else {
        return Err(GalatKemasan::Io(std::io::Error::other(
            "lembar tanpa sheetData",
        )));
    };
    let kepala = tanpa_baris_ganda(kepala);
    let ekor = dengan_gabung_badan(ekor, tabel, awal);
    if tabel.baris.jumlah == 0 {
        return Ok((kepala, ekor));
    }
    let akhir = format!(
        "A1:{}{}",
        crate::model::huruf_kolom((tabel.lebar.len().max(1) - 1) as u32),
        awal as usize + tabel.baris.jumlah
    );
    let kepala = match kepala.find("<dimension ref=\"") {
        Some(i) => {
            let mulai = i + "<dimension ref=\"".len();
            let selesai = mulai + kepala[mulai..].find('"').unwrap_or(0);
            format!("{}{akhir}{}", &kepala[..mulai], &kepala[selesai..])
        }
        None => kepala,
    };
    Ok((kepala, ekor))
}

/// The sheet's tail with the body's merged cells added to its `<mergeCells>` (which the
/// title's merge always opens; made after `</sheetData>` should a table have none). The
/// body rows are written here, not by rust_xlsxwriter, so their merges are too.
fn dengan_gabung_badan(ekor: String, tabel: &Tabel, awal: u32) -> String {
    if tabel.gabung_badan.is_empty() {
        return ekor;
    }
    let mut sel = String::new();
    for g in &tabel.gabung_badan {
        let r0 = awal as usize + g.r0 + 1;
        let r1 = awal as usize + g.r1 + 1;
        sel.push_str(&format!(
            "<mergeCell ref=\"{}{r0}:{}{r1}\"/>",
            crate::model::huruf_kolom(u32::from(g.c0)),
            crate::model::huruf_kolom(u32::from(g.c1))
        ));
    }
    if let Some(i) = ekor.find("<mergeCells count=\"") {
        let mulai = i + "<mergeCells count=\"".len();
        let selesai = mulai + ekor[mulai..].find('"').unwrap_or(0);
        let lama: usize = ekor[mulai..selesai].parse().unwrap_or(0);
        let tutup = ekor.find("</mergeCells>").unwrap_or(ekor.len());
        format!(
            "{}{}{}{sel}{}",
            &ekor[..mulai],
            lama + tabel.gabung_badan.len(),
            &ekor[selesai..tutup],
            &ekor[tutup..]
        )
    } else {
        let setelah = "</sheetData>".len();
        format!(
            "</sheetData><mergeCells count=\"{}\">{sel}</mergeCells>{}",
            tabel.gabung_badan.len(),
            &ekor[setelah..]
        )
    }
}

/// A written table: its sheet's own workbook, and the table without its rows, which is
/// all the final workbook needs to know of it.
struct TabelTertulis {
    buku: std::fs::File,
    kerangka: Tabel<'static>,
}

/// Writes the tables as one workbook at `keluaran`, atomically.
///
/// Each table is built, written and compressed on its own thread (`buku_satu_tabel`);
/// then the final workbook is saved with each sheet present but empty, and its package is
/// copied entry by entry into the output, each sheet's entry taken, still compressed, from
/// its table's package (`zip`'s raw copy). rust_xlsxwriter alone would compress the sheets
/// one after another on one core as it saves. This is sound because a sheet part refers
/// to nothing outside itself but style numbers, and every workbook made by `buku_baru`
/// numbers its styles alike — checked below, not assumed. The sheet settings that live in
/// the workbook part (name, print titles) are made from the same `atur_lembar` on both.
pub fn tulis(
    pembuat: Vec<Pembuat<'_>>,
    grafik: Option<Grafik>,
    keluaran: &Path,
) -> Result<(), GalatTulis> {
    let berkas = keluaran.display().to_string();
    let galat = |sebab: String| GalatTulis::Tulis {
        berkas: berkas.clone(),
        sebab,
    };
    let nomor_gaya = NomorGaya::baru();
    let nomor_gaya = &nomor_gaya;
    let folder = folder_dari(keluaran);
    let folder = folder.as_path();
    let tertulis: Vec<Result<TabelTertulis, GalatKemasan>> = std::thread::scope(|lingkup| {
        let tugas: Vec<_> = pembuat
            .into_iter()
            .enumerate()
            .map(|(i, buat)| {
                lingkup.spawn(move || {
                    let mut tabel = buat();
                    let kerangka = tabel.kerangka();
                    let buku = buku_satu_tabel(&mut tabel, i == 0, nomor_gaya, folder)?;
                    Ok(TabelTertulis { buku, kerangka })
                })
            })
            .collect();
        tugas
            .into_iter()
            .map(|t| {
                t.join().unwrap_or_else(|_| {
                    Err(GalatKemasan::Io(std::io::Error::other(
                        "utas penulis berhenti",
                    )))
                })
            })
            .collect()
    });
    let tertulis = tertulis
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| match e {
            GalatKemasan::Batas(sebab) => GalatTulis::Batas {
                berkas: berkas.clone(),
                sebab,
            },
            lain => galat(lain.to_string()),
        })?;
    let kemasan = kemasan_utama(&tertulis, grafik.as_ref()).map_err(|e| galat(e.to_string()))?;
    simpan_atomik(keluaran, |berkas| {
        let mut keluar = std::io::BufWriter::new(berkas);
        satukan(&kemasan, &tertulis, &mut keluar).map_err(|e| e.to_string())?;
        keluar.flush().map_err(|e| e.to_string())
    })
}

/// The folder `keluaran` is written in.
fn folder_dari(keluaran: &Path) -> std::path::PathBuf {
    match keluaran.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

/// Writes `keluaran` atomically, as every workbook lkjip writes: `isi` fills a temporary
/// file in the target folder, which is renamed over `keluaran` only once complete, so a
/// failure never leaves half a workbook.
fn simpan_atomik(
    keluaran: &Path,
    isi: impl FnOnce(&std::fs::File) -> Result<(), String>,
) -> Result<(), GalatTulis> {
    let berkas = keluaran.display().to_string();
    let folder = folder_dari(keluaran);
    let mut pembuat = tempfile::Builder::new();
    pembuat.prefix(".lkjip-").suffix(".xlsx");
    // A temporary file is private (0600); the workbook it becomes is a file like any the
    // user makes, readable as their umask allows (0644 under the usual 022).
    #[cfg(unix)]
    pembuat.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let sementara = pembuat
        .tempfile_in(&folder)
        .map_err(|sebab| GalatTulis::Folder {
            berkas: berkas.clone(),
            sebab,
        })?;
    isi(sementara.as_file()).map_err(|sebab| GalatTulis::Tulis {
        berkas: berkas.clone(),
        sebab,
    })?;
    sementara.persist(keluaran).map_err(|e| GalatTulis::Tulis {
        berkas,
        sebab: e.error.to_string(),
    })?;
    Ok(())
}

/// The final workbook with every table's sheet set up but empty, and the Grafik sheet,
/// which rust_xlsxwriter writes whole (its charts are parts of their own). Its cells use
/// only the formats of [`Gaya::semua`], so the style table stays the one every table's
/// sheet was numbered against.
fn kemasan_utama(
    tertulis: &[TabelTertulis],
    grafik: Option<&Grafik>,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = buku_baru()?;
    for t in tertulis {
        let ws = wb.add_worksheet_with_constant_memory()?;
        atur_lembar(ws, &t.kerangka)?;
    }
    if let Some(g) = grafik {
        tulis_grafik(wb.add_worksheet(), g)?;
    }
    wb.save_to_buffer()
}

/// The Grafik sheet: each chart's data as a small bordered table on the left (so the chart
/// refers to cells a user can see and correct), the chart beside it.
fn tulis_grafik(ws: &mut Worksheet, g: &Grafik) -> Result<(), XlsxError> {
    ws.set_name(&g.nama_lembar)?;
    ws.set_landscape();
    ws.set_paper_size(PAPER_A4);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_column_width(0, 44.0)?;
    ws.set_column_width(1, 12.0)?;
    ws.merge_range(0, 0, 0, 8, &g.judul, &Gaya::judul())?;
    let mut gaya = Gaya::default();
    let teks = gaya.sel(Bentuk::Teks, false, 0, false).clone();
    let persen = gaya.sel(Bentuk::Persen, false, 0, false).clone();
    let kepala = Gaya::kepala();
    let mut r: u32 = 2;
    for b in &g.bagan {
        let awal = r;
        ws.write_string_with_format(r, 0, &b.judul_kategori, &kepala)?;
        ws.write_string_with_format(r, 1, &b.judul_nilai, &kepala)?;
        if b.garis_100 {
            ws.write_string_with_format(r, 2, "Target", &kepala)?;
        }
        for (k, v) in b.kategori.iter().zip(&b.nilai) {
            r += 1;
            let garis = baris_teks(k, 44.0, 0, false);
            if garis > 1 {
                ws.set_row_height(r, TINGGI_BARIS * garis as f64 + 2.0)?;
            }
            ws.write_string_with_format(r, 0, k, &teks)?;
            // A chart value is for the eye: the f64 nearest the two-decimal percentage.
            match v.and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d)) {
                Some(f) => ws.write_number_with_format(r, 1, f, &persen)?,
                None => ws.write_blank(r, 1, &persen)?,
            };
            if b.garis_100 {
                ws.write_number_with_format(r, 2, 100.0, &persen)?;
            }
        }
        let (pertama, akhir) = (awal + 1, r.max(awal + 1));
        let nama = &g.nama_lembar;
        let mut chart = Chart::new(if b.mendatar {
            ChartType::Bar
        } else {
            ChartType::Column
        });
        chart
            .add_series()
            .set_name(&b.judul_nilai)
            .set_categories((nama.as_str(), pertama, 0, akhir, 0))
            .set_values((nama.as_str(), pertama, 1, akhir, 1));
        chart.title().set_name(&b.judul);
        // A bar chart lies on its side: its horizontal (x) axis holds the values.
        if b.mendatar {
            chart.y_axis().set_name(&b.judul_kategori);
            chart.x_axis().set_name(&b.judul_nilai).set_min(0);
        } else {
            chart.x_axis().set_name(&b.judul_kategori);
            chart.y_axis().set_name(&b.judul_nilai).set_min(0);
        }
        if b.garis_100 {
            let mut garis = Chart::new(ChartType::Line);
            garis
                .add_series()
                .set_name("Target 100%")
                .set_categories((nama.as_str(), pertama, 0, akhir, 0))
                .set_values((nama.as_str(), pertama, 2, akhir, 2));
            chart.combine(&garis);
        }
        chart.set_width(720).set_height(360);
        ws.insert_chart(awal, 4, &chart)?;
        // Room for the chart (about 18 rows) or the data, whichever is taller.
        r = awal.saturating_add((r - awal).max(18)).saturating_add(3);
    }
    Ok(())
}

const GAYA: &str = "xl/styles.xml";
/// The name of a table's sheet in its own small package.
const LEMBAR: &str = "lembar.xml";

/// Copies the final workbook's package to `keluar`, each sheet taken from its table's own
/// workbook.
fn satukan(
    kemasan: &[u8],
    tertulis: &[TabelTertulis],
    keluar: &mut (impl Write + Seek),
) -> Result<(), GalatKemasan> {
    let mut utama = ZipArchive::new(Cursor::new(kemasan))?;
    let gaya_utama = isi_entri(&mut utama, GAYA)?;
    let mut zip = ZipWriter::new(keluar);
    for i in 0..utama.len() {
        let entri = utama.by_index_raw(i)?;
        let nama_entri = entri.name()?.into_owned();
        let nomor = nama_entri
            .strip_prefix("xl/worksheets/sheet")
            .and_then(|s| s.strip_suffix(".xml"))
            .and_then(|s| s.parse::<usize>().ok());
        match nomor.and_then(|n| tertulis.get(n.wrapping_sub(1))) {
            Some(t) => {
                let mut sendiri = ZipArchive::new(std::io::BufReader::new(&t.buku))?;
                if isi_entri(&mut sendiri, GAYA)? != gaya_utama {
                    return Err(GalatKemasan::GayaBerbeda(t.kerangka.nama_lembar.clone()));
                }
                let lembar = sendiri.by_name_raw(LEMBAR.as_bytes())?;
                zip.raw_copy_file_rename(lembar, &nama_entri)?;
            }
            None => zip.raw_copy_file(entri)?,
        }
    }
    zip.finish()?;
    Ok(())
}

fn isi_entri(
    arsip: &mut ZipArchive<impl Read + Seek>,
    nama: &str,
) -> Result<Vec<u8>, GalatKemasan> {
    let mut isi = Vec::new();
    arsip.by_name(nama)?.read_to_end(&mut isi)?;
    Ok(isi)
}

/// What can go wrong putting the package together: a table beyond what an Excel sheet
/// holds (`Batas`, the input's doing), or a fault that is none of the user's doing.
#[derive(Debug, thiserror::Error)]
pub enum GalatKemasan {
    #[error("{0}")]
    Batas(String),
    #[error("{0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Xlsx(#[from] XlsxError),
    #[error(
        "kesalahan program: gaya sel lembar '{0}' tidak sama dengan gaya buku kerja; laporkan ke pengembang lkjip"
    )]
    GayaBerbeda(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{Badan, Baris, Hasil, Isi, Sel};
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;
    use rust_xlsxwriter::Formula;

    fn tabel(nama: &str, isi: &str) -> Tabel<'static> {
        let mut t = Tabel::baru(
            nama,
            format!("Judul {nama}"),
            &["Uraian", "Pagu"],
            vec![30.0, 15.0],
        );
        t.baris = Badan::dari(vec![Baris {
            sel: vec![
                Sel::teks(isi),
                Sel::angka(Decimal::new(123_456, 2), Bentuk::Rupiah),
            ],
            tebal: false,
            indent: 0,
        }]);
        t
    }

    fn entri(arsip: &mut ZipArchive<std::fs::File>, nama: &str) -> String {
        let mut isi = String::new();
        arsip
            .by_name(nama)
            .unwrap()
            .read_to_string(&mut isi)
            .unwrap();
        isi
    }

    /// The body as rust_xlsxwriter itself writes it (what `susun` did before the body rows
    /// were written by [`baris::tulis_badan`]): the reference the faster path must match.
    fn badan_oleh_rust_xlsxwriter(tabel: Tabel) -> String {
        let mut wb = buku_baru().unwrap();
        let ws = wb.add_worksheet_with_constant_memory().unwrap();
        atur_lembar(ws, &tabel).unwrap();
        tulis_kepala(ws, &tabel).unwrap();
        let awal = tabel.baris_data_awal();
        let gaya = &mut Gaya::default();
        let kerangka = tabel.kerangka();
        let semua: Vec<Baris> = tabel.baris.collect();
        let tabel = &kerangka;
        let mut jalan = |ws: &mut Worksheet| -> Result<(), XlsxError> {
            for (i, baris) in semua.iter().enumerate() {
                let r = awal + i as u32;
                let garis = baris::garis_baris(tabel, baris, |_| 1);
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
                            ws.write_formula_with_format(
                                r,
                                c,
                                Formula::new(rumus).set_result(hasil),
                                f,
                            )?
                        }
                    };
                }
            }
            Ok(())
        };
        jalan(ws).unwrap();
        let buku = wb.save_to_buffer().unwrap();
        let mut arsip = ZipArchive::new(Cursor::new(&buku[..])).unwrap();
        String::from_utf8(isi_entri(&mut arsip, "xl/worksheets/sheet1.xml").unwrap()).unwrap()
    }

    fn ke_f64(d: Decimal) -> f64 {
        d.to_f64().unwrap_or_default()
    }

    fn badan_sendiri(mut tabel: Tabel) -> String {
        let buku =
            buku_satu_tabel(&mut tabel, true, &NomorGaya::baru(), &std::env::temp_dir()).unwrap();
        let mut arsip = ZipArchive::new(buku).unwrap();
        String::from_utf8(isi_entri(&mut arsip, LEMBAR).unwrap()).unwrap()
    }

    /// Every kind of cell, every style a body row can take, and the text that needs care.
    fn tabel_lengkap(strip_nol: bool) -> Tabel<'static> {
        let mut t = Tabel::baru(
            "Tabel Uji",
            "Tabel Uji & <Coba>".to_string(),
            &["Uraian", "Pagu", "Rp", "%", "No", "Rumus"],
            vec![30.0, 15.0, 15.0, 8.0, 5.0, 12.0],
        );
        t.strip_nol = strip_nol;
        let teks = [
            "Belanja Jasa & Barang <Modal>",
            " diawali spasi",
            "kontrol\u{1}di tengah",
            "kode_x0041_literal",
            "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik Tingkat Kecamatan yang sangat panjang sekali",
            "",
        ];
        let angka = ["1234.56", "-5", "0", "26305123170485", "0.1", "96.46"];
        let mut n = 0;
        let mut baris = Vec::new();
        for tebal in [false, true] {
            for indent in 0..INDENT_MAKS as u8 + 2 {
                let i = n % teks.len();
                let d: Decimal = angka[n % angka.len()].parse().unwrap();
                let r = t.baris_data_awal() + n as u32 + 1;
                let hasil = if n % 2 == 0 {
                    Hasil::Angka(d)
                } else {
                    Hasil::Teks("-".to_string())
                };
                baris.push(Baris {
                    sel: vec![
                        // Empty text both ways: as a blank and as a text of nothing.
                        if teks[i].is_empty() && tebal {
                            Sel::kosong()
                        } else {
                            Sel::teks(teks[i])
                        },
                        Sel::angka(d, Bentuk::Rupiah),
                        Sel::angka(d, Bentuk::RupiahRp),
                        Sel::angka(d, Bentuk::Persen),
                        Sel::angka(Decimal::from(n), Bentuk::Tengah),
                        Sel::rumus(
                            format!("=IF(B{r}=0,\"-\",B{r}&\"<\")"),
                            hasil,
                            Bentuk::Persen,
                        ),
                    ],
                    tebal,
                    indent,
                });
                n += 1;
            }
        }
        t.baris = Badan::dari(baris);
        t
    }

    #[test]
    fn badan_sama_dengan_tulisan_rust_xlsxwriter() {
        for strip_nol in [false, true] {
            // rust_xlsxwriter writes whole numbers as doubles (`5.0`); we write the Decimal.
            let acuan =
                badan_oleh_rust_xlsxwriter(tabel_lengkap(strip_nol)).replace(".0</v>", "</v>");
            let sendiri = badan_sendiri(tabel_lengkap(strip_nol));
            assert!(sendiri.contains("<c r=\"A"), "{sendiri}");
            assert_eq!(sendiri, acuan, "strip_nol {strip_nol}");
        }
    }

    #[test]
    fn baris_ganda_di_akhir_kepala_dibuang() {
        let kepala = r#"<sheetData><row r="1"><c r="A1"/></row><row r="3" ht="48.75" customHeight="1"><c r="A3" s="2"/></row><row r="3" ht="48.75" customHeight="1"/>"#;
        assert_eq!(
            tanpa_baris_ganda(kepala.to_string()),
            r#"<sheetData><row r="1"><c r="A1"/></row><row r="3" ht="48.75" customHeight="1"><c r="A3" s="2"/></row>"#
        );
        // An empty row with a number of its own stays.
        let lain = r#"<row r="3"><c r="A3"/></row><row r="4" ht="30" customHeight="1"/>"#;
        assert_eq!(tanpa_baris_ganda(lain.to_string()), lain);
    }

    #[test]
    fn setiap_lembar_dari_tabelnya_dan_hanya_yang_pertama_terpilih() {
        let folder = tempfile::tempdir().unwrap();
        let keluaran = folder.path().join("hasil.xlsx");
        let pembuat: Vec<Pembuat> = vec![
            Box::new(|| tabel("Tabel A", "isi pertama")),
            Box::new(|| tabel("Tabel B", "isi kedua")),
            Box::new(|| tabel("Tabel C", "isi ketiga")),
        ];
        tulis(pembuat, None, &keluaran).unwrap();
        let mut arsip = ZipArchive::new(std::fs::File::open(&keluaran).unwrap()).unwrap();
        let buku = entri(&mut arsip, "xl/workbook.xml");
        let a = buku.find("name=\"Tabel A\"").unwrap();
        let b = buku.find("name=\"Tabel B\"").unwrap();
        let c = buku.find("name=\"Tabel C\"").unwrap();
        assert!(a < b && b < c, "urutan lembar: {buku}");
        // Print titles are defined in the workbook part, one per sheet.
        assert_eq!(buku.matches("_xlnm.Print_Titles").count(), 3, "{buku}");
        for (n, isi) in [(1, "isi pertama"), (2, "isi kedua"), (3, "isi ketiga")] {
            let lembar = entri(&mut arsip, &format!("xl/worksheets/sheet{n}.xml"));
            assert!(lembar.contains(isi), "sheet{n}.xml tanpa '{isi}'");
            assert!(
                lembar.contains("<v>1234.56</v>"),
                "sheet{n}.xml tanpa angka"
            );
            assert_eq!(lembar.contains("tabSelected=\"1\""), n == 1, "sheet{n}.xml");
        }
        // Nothing but the output is left in the folder.
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    }

    #[test]
    fn badan_yang_kurang_dari_jumlahnya_ditolak() {
        // The sheet's dimension is written from `jumlah` before the rows are made.
        let mut t = tabel("Tabel A", "isi");
        let satu = t.baris.next().unwrap();
        t.baris = Badan::baru(2, std::iter::once(satu));
        let galat =
            buku_satu_tabel(&mut t, true, &NomorGaya::baru(), &std::env::temp_dir()).unwrap_err();
        assert!(
            galat
                .to_string()
                .contains("menyebut 2 baris tetapi membuat 1"),
            "{galat}"
        );
    }

    #[test]
    fn tabel_melebihi_baris_excel_ditolak() {
        // Three rows above the body (title, blank, header): 1,048,573 body rows fit.
        let baris = || Baris {
            sel: vec![Sel::kosong()],
            tebal: false,
            indent: 0,
        };
        let mut t = tabel("Tabel A", "isi");
        t.baris = Badan::baru(1_048_574, std::iter::repeat_with(baris).take(1_048_574));
        let galat =
            buku_satu_tabel(&mut t, true, &NomorGaya::baru(), &std::env::temp_dir()).unwrap_err();
        assert!(galat.to_string().contains("1048577 baris"), "{galat}");
    }

    #[test]
    fn teks_melebihi_batas_excel_ditolak() {
        let mut t = tabel("Tabel A", &"a".repeat(32_768));
        let galat =
            buku_satu_tabel(&mut t, true, &NomorGaya::baru(), &std::env::temp_dir()).unwrap_err();
        assert!(
            galat
                .to_string()
                .contains("Tabel A!A4 memuat 32768 karakter"),
            "{galat}"
        );
        // Exactly at the limit is fine.
        let mut t = tabel("Tabel A", &"a".repeat(32_767));
        buku_satu_tabel(&mut t, true, &NomorGaya::baru(), &std::env::temp_dir()).unwrap();
    }

    #[test]
    fn lembar_dengan_gaya_lain_ditolak() {
        let mut t = tabel("Tabel A", "isi");
        let asing = {
            // A workbook that did not register the formats first numbers its styles otherwise.
            let mut wb = Workbook::new();
            let ws = wb.add_worksheet();
            ws.write_string_with_format(0, 0, "x", &Format::new().set_italic())
                .unwrap();
            let mut f = tempfile::tempfile().unwrap();
            f.write_all(&wb.save_to_buffer().unwrap()).unwrap();
            f.rewind().unwrap();
            f
        };
        let tertulis = vec![TabelTertulis {
            buku: asing,
            kerangka: t.kerangka(),
        }];
        let kemasan = kemasan_utama(&tertulis, None).unwrap();
        let mut keluar = Cursor::new(Vec::new());
        let galat = satukan(&kemasan, &tertulis, &mut keluar).unwrap_err();
        assert!(matches!(galat, GalatKemasan::GayaBerbeda(ref n) if n == "Tabel A"));
        // The tool's own workbooks agree.
        let tertulis = vec![TabelTertulis {
            kerangka: t.kerangka(),
            buku: buku_satu_tabel(&mut t, true, &NomorGaya::baru(), &std::env::temp_dir()).unwrap(),
        }];
        let kemasan = kemasan_utama(&tertulis, None).unwrap();
        satukan(&kemasan, &tertulis, &mut Cursor::new(Vec::new())).unwrap();
    }
}
