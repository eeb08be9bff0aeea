//! Tables as CSV files in a folder (`lkjip konversi --format csv`): one file per table, for
//! programs (pandas, R, a database, a spreadsheet's import) rather than for reading.
//!
//! The form, and why:
//! - RFC 4180: comma-separated, fields quoted where they must be (the `csv` crate), CRLF
//!   line ends; one header row of the column names, then one record per body row. No title
//!   row and no column-number row: a program wants the names on the first line.
//! - UTF-8 with a byte-order mark. Unit and sub kegiatan names carry characters outside
//!   ASCII (curly quotes, dashes, `²`); Excel opens a CSV without a BOM in the system's ANSI
//!   code page and shows them garbled, and with the BOM it reads UTF-8. pandas, R's
//!   `readr`, LibreOffice and Excel's Data › From Text/CSV all take the BOM as what it is.
//! - Numbers as exact decimals with a point and no thousands separator (`1234567.50`), as
//!   lkjip computed them: a program reads them without knowing the locale. (An Excel set to
//!   Indonesian, whose list separator is `;` and decimal mark `,`, puts every line in one
//!   column when the file is double-clicked; use Data › From Text/CSV there, or the
//!   workbook `konversi` writes by default.)
//! - Each file goes to a temporary file in the folder; only when every table is written
//!   are they renamed into place, so a failure leaves the folder as it was.

use super::GalatTulis;
use crate::tables::Hasil;
use crate::tables::{Isi, Pembuat, Tabel};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The UTF-8 byte-order mark (see the module's comment for why it is written).
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The file a sheet becomes: its name in lower case, spaces as `-`, `.csv`
/// (`Sub Kegiatan` → `sub-kegiatan.csv`): no space for a script to quote.
pub fn nama_berkas(nama_lembar: &str) -> String {
    let dasar: String = nama_lembar
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect();
    format!("{dasar}.csv")
}

/// A cell as CSV text: numbers exactly, a formula by the result it computes.
fn teks(isi: &Isi) -> String {
    match isi {
        Isi::Kosong => String::new(),
        Isi::Teks(t) => t.clone(),
        Isi::Angka(d) => d.to_string(),
        Isi::Rumus { hasil, .. } => match hasil {
            Hasil::Angka(d) => d.to_string(),
            Hasil::Teks(t) => t.clone(),
        },
    }
}

/// One table into `w`: its column names, then its body rows as they are made.
fn tulis_tabel(tabel: &mut Tabel<'_>, w: impl Write) -> Result<(), ::csv::Error> {
    let mut csv = ::csv::WriterBuilder::new()
        .flexible(true)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(w);
    // The header's bottom row names every column (a cell spanning rows from above
    // counts for the columns it covers).
    let bawah = tabel.kepala.iter().map(|k| k.r1).max().unwrap_or(0);
    let mut nama = vec![String::new(); tabel.lebar.len()];
    for k in tabel.kepala.iter().filter(|k| k.r1 == bawah) {
        for c in k.c0..=k.c1 {
            if let Some(n) = nama.get_mut(c as usize) {
                n.clone_from(&k.teks);
            }
        }
    }
    csv.write_record(&nama)?;
    let mut rekaman = Vec::with_capacity(nama.len());
    for baris in tabel.baris.by_ref() {
        rekaman.clear();
        rekaman.extend(baris.sel.iter().map(|s| teks(&s.isi)));
        csv.write_record(&rekaman)?;
    }
    csv.flush()?;
    Ok(())
}

/// Writes each table as a CSV file in `folder` (made if missing), named by
/// [`nama_berkas`]; files of other names in the folder are left alone.
pub fn tulis(pembuat: Vec<Pembuat<'_>>, folder: &Path) -> Result<(), GalatTulis> {
    let nama_folder = folder.display().to_string();
    std::fs::create_dir_all(folder).map_err(|sebab| GalatTulis::Folder {
        berkas: nama_folder.clone(),
        sebab,
    })?;
    // Tables are built and written one after another: each streams its rows, and the
    // largest (Rincian) is most of the bytes, so threads would gain little.
    let mut siap: Vec<(tempfile::NamedTempFile, PathBuf)> = Vec::with_capacity(pembuat.len());
    for buat in pembuat {
        let mut tabel = buat();
        let tujuan = folder.join(nama_berkas(&tabel.nama_lembar));
        let berkas = tujuan.display().to_string();
        let gagal = |sebab: String| GalatTulis::Tulis {
            berkas: berkas.clone(),
            sebab,
        };
        let mut pembuat_sementara = tempfile::Builder::new();
        pembuat_sementara.prefix(".lkjip-").suffix(".csv");
        // A temporary file is private (0600); the file it becomes is readable as the
        // user's umask allows, like any file they make.
        #[cfg(unix)]
        pembuat_sementara.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let sementara =
            pembuat_sementara
                .tempfile_in(folder)
                .map_err(|sebab| GalatTulis::Folder {
                    berkas: nama_folder.clone(),
                    sebab,
                })?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, sementara.as_file());
        w.write_all(BOM).map_err(|e| gagal(e.to_string()))?;
        tulis_tabel(&mut tabel, &mut w).map_err(|e| gagal(e.to_string()))?;
        w.flush().map_err(|e| gagal(e.to_string()))?;
        drop(w);
        siap.push((sementara, tujuan));
    }
    for (sementara, tujuan) in siap {
        sementara.persist(&tujuan).map_err(|e| GalatTulis::Tulis {
            berkas: tujuan.display().to_string(),
            sebab: e.error.to_string(),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{Badan, Baris, Bentuk, Sel};
    use rust_decimal::Decimal;

    #[test]
    fn tabel_menjadi_csv_dengan_bom_dan_angka_persis() {
        let mut t = Tabel::baru(
            "Sub Kegiatan",
            "judul".into(),
            &["Nama", "Jumlah"],
            vec![10.0, 10.0],
        );
        t.baris = Badan::dari(vec![Baris {
            sel: vec![
                Sel::teks("Belanja \"Modal\", gedung – tahap ²"),
                Sel::angka(Decimal::new(123456750, 2), Bentuk::Rupiah),
            ],
            tebal: false,
            indent: 0,
        }]);
        let dir = tempfile::tempdir().unwrap();
        let keluar = dir.path().join("baru");
        tulis(vec![Box::new(move || t)], &keluar).unwrap();
        let isi = std::fs::read(keluar.join("sub-kegiatan.csv")).unwrap();
        assert!(isi.starts_with(BOM));
        assert_eq!(
            String::from_utf8(isi[BOM.len()..].to_vec()).unwrap(),
            "Nama,Jumlah\r\n\"Belanja \"\"Modal\"\", gedung – tahap ²\",1234567.50\r\n"
        );
        // Nothing else is left in the folder (the temporary file was renamed).
        assert_eq!(std::fs::read_dir(&keluar).unwrap().count(), 1);
    }
}
