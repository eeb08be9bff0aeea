//! `lkjip konversi`: many DPA exports read in parallel into one workbook.

use super::{Galat, Ringkasan, sama, siapkan_keluaran};
use crate::check;
use crate::recognise;
use crate::sheet;
use crate::tables;
use crate::temuan::{self, Temuan};
use crate::write;
use std::path::{Path, PathBuf};
use tables::konversi::Keluaran;

/// What `konversi` did.
#[derive(Debug)]
pub struct Konversi {
    /// The input files that were skipped or failed, in input order (every file's row is in
    /// the Status sheet; only these are held, so memory does not grow with the files read).
    pub tidak_dibaca: Vec<tables::konversi::StatusBerkas>,
    /// Input files read as DPA.
    pub dibaca: usize,
    pub sub_kegiatan: usize,
    pub rincian: usize,
    pub ringkasan: Ringkasan,
}

/// The files under `masukan`, folders walked to any depth, in name order: the workbooks, and
/// the other files with why they are left out.
fn kumpulkan_semua(masukan: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<sheet::BerkasLain>), Galat> {
    let mut buku = Vec::new();
    let mut lain = Vec::new();
    let mut folder: Vec<PathBuf> = Vec::new();
    for m in masukan {
        if m.is_dir() {
            folder.push(m.clone());
        } else if m.exists() {
            buku.push(m.clone());
        } else {
            return Err(Galat::TidakAda(m.display().to_string()));
        }
    }
    for f in folder {
        let (b, l) = super::isi_folder(&f)?;
        buku.extend(b);
        lain.extend(l);
    }
    Ok((buku, lain))
}

/// What reading one file for `konversi` gave.
struct HasilBerkas {
    status: tables::konversi::StatusBerkas,
    ringkas: Vec<tables::konversi::RingkasDpa>,
    indikator: Vec<tables::konversi::BarisIndikator>,
    rincian: Vec<tables::konversi::BarisRincianRingkas>,
    temuan: Vec<Temuan>,
}

fn baca_untuk_konversi(berkas: &Path) -> HasilBerkas {
    use tables::konversi::{Keadaan, StatusBerkas};
    let nama = berkas.display().to_string();
    let mut hasil = HasilBerkas {
        status: StatusBerkas {
            berkas: nama,
            keadaan: Keadaan::Dibaca,
            sub_kegiatan: 0,
            rincian: 0,
            alasan: String::new(),
        },
        ringkas: Vec::new(),
        indikator: Vec::new(),
        rincian: Vec::new(),
        temuan: Vec::new(),
    };
    match recognise::baca_berkas(berkas, None, None) {
        Err(e) => {
            // A workbook read whole with nothing in it lkjip knows is skipped; one that
            // cannot be read at all failed.
            hasil.status.keadaan = match e {
                recognise::Galat::TanpaTabel { .. }
                | recognise::Galat::BelumBerisi { .. }
                | recognise::Galat::PkBelumBerisi { .. } => Keadaan::Dilewati,
                recognise::Galat::Baca(_) | recognise::Galat::Kenali(_) => Keadaan::Gagal,
            };
            let pesan = e.to_string();
            let pesan = pesan.lines().next().unwrap_or_default();
            // The file is already in the Status row: the message without its name.
            hasil.status.alasan = pesan
                .strip_prefix(hasil.status.berkas.as_str())
                .map(|p| p.trim_start_matches([':', ' ', '›']))
                .unwrap_or(pesan)
                .to_string();
        }
        Ok(b) if b.dpa.is_empty() => {
            let isi = [
                (!b.calon.is_empty(), "tabel realisasi anggaran"),
                (!b.pk.is_empty(), "Perjanjian Kinerja"),
                (!b.kinerja.is_empty(), "buku kerja kinerja"),
                (!b.renja.is_empty(), "formulir evaluasi Renja"),
                (!b.tabel.is_empty(), "Tabel LKjIP"),
            ]
            .into_iter()
            .filter(|x| x.0)
            .map(|x| x.1)
            .collect::<Vec<_>>();
            hasil.status.keadaan = Keadaan::Dilewati;
            hasil.status.alasan = if isi.is_empty() {
                format!(
                    "tidak memuat rincian DPA{}",
                    b.dilewati
                        .first()
                        .map(|d| format!(" (lembar '{}': {})", d.lembar, d.alasan))
                        .unwrap_or_default()
                )
            } else {
                format!("bukan DPA: berisi {}", isi.join(", "))
            };
        }
        Ok(b) => {
            for (d, t) in b.dpa {
                hasil.temuan.extend(t);
                hasil.temuan.extend(check::dpa::periksa(&d));
                let ringkas = tables::konversi::RingkasDpa::dari(&d);
                hasil
                    .indikator
                    .extend(tables::konversi::indikator_dari(&d, &ringkas));
                hasil
                    .rincian
                    .extend(tables::konversi::rincian_dari(&d, &ringkas.kode));
                hasil.ringkas.push(ringkas);
            }
            hasil.status.sub_kegiatan = hasil.ringkas.len();
            hasil.status.rincian = hasil.rincian.len();
        }
    }
    hasil
}

/// Rows kept on disk until their sheet is written: a folder of thousands of DPA is read,
/// and what it gives (every sheet grows with the files) is never held in memory at once, so
/// the memory `konversi` takes does not grow with the number of files. One temporary file
/// per sheet, one CSV record per row (the `csv` crate quotes whatever a text holds, so every
/// text comes back as it was).
mod tumpahan {
    use crate::tables::konversi::{
        BarisIndikator, BarisRincianRingkas, BarisTemuan, Keadaan, RingkasDpa, StatusBerkas,
    };
    use rust_decimal::Decimal;
    use std::fs::File;
    use std::io::{BufReader, BufWriter, Seek, Write};
    use std::str::FromStr;

    /// A sheet's rows being written to a temporary file.
    pub struct Tumpahan {
        tulis: csv::Writer<BufWriter<File>>,
        pub jumlah: usize,
    }

    fn io(e: csv::Error) -> std::io::Error {
        std::io::Error::other(e)
    }

    impl Tumpahan {
        pub fn baru(folder: &std::path::Path) -> std::io::Result<Tumpahan> {
            let f = tempfile::tempfile_in(folder)?;
            Ok(Tumpahan {
                tulis: csv::WriterBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_writer(BufWriter::with_capacity(1 << 16, f)),
                jumlah: 0,
            })
        }

        pub fn tulis<'a>(
            &mut self,
            kolom: impl IntoIterator<Item = &'a str>,
        ) -> std::io::Result<()> {
            self.tulis.write_record(kolom).map_err(io)?;
            self.jumlah = self.jumlah.saturating_add(1);
            Ok(())
        }

        /// The rows written, read back in order as they are wanted.
        pub fn baca(
            self,
        ) -> std::io::Result<(usize, impl Iterator<Item = csv::StringRecord> + Send)> {
            let jumlah = self.jumlah;
            let mut f = self
                .tulis
                .into_inner()
                .map_err(|e| std::io::Error::other(e.to_string()))?
                .into_inner()
                .map_err(|e| e.into_error())?;
            f.flush()?;
            f.rewind()?;
            let r = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(BufReader::with_capacity(1 << 16, f));
            Ok((jumlah, r.into_records().map_while(Result::ok)))
        }
    }

    fn angka(d: Option<Decimal>) -> String {
        d.map(|x| x.to_string()).unwrap_or_default()
    }

    fn teks(r: &csv::StringRecord, i: usize) -> String {
        r.get(i).unwrap_or_default().to_string()
    }

    fn desimal(r: &csv::StringRecord, i: usize) -> Option<Decimal> {
        r.get(i).and_then(|x| Decimal::from_str(x).ok())
    }

    fn cacah(r: &csv::StringRecord, i: usize) -> usize {
        r.get(i).and_then(|x| x.parse().ok()).unwrap_or_default()
    }

    pub fn tulis_ringkas(t: &mut Tumpahan, d: &RingkasDpa) -> std::io::Result<()> {
        let k = d.kelompok.map(angka);
        t.tulis([
            d.berkas.as_str(),
            &d.unit,
            &d.kode,
            &d.nama,
            &k[0],
            &k[1],
            &k[2],
            &k[3],
            &angka(d.jumlah),
            &d.keluaran,
            &d.target,
            &d.sumber_dana,
            &d.lokasi,
        ])
    }

    pub fn ringkas(r: csv::StringRecord) -> RingkasDpa {
        RingkasDpa {
            berkas: teks(&r, 0),
            unit: teks(&r, 1),
            kode: teks(&r, 2),
            nama: teks(&r, 3),
            kelompok: [
                desimal(&r, 4),
                desimal(&r, 5),
                desimal(&r, 6),
                desimal(&r, 7),
            ],
            jumlah: desimal(&r, 8),
            keluaran: teks(&r, 9),
            target: teks(&r, 10),
            sumber_dana: teks(&r, 11),
            lokasi: teks(&r, 12),
        }
    }

    pub fn tulis_indikator(t: &mut Tumpahan, i: &BarisIndikator) -> std::io::Result<()> {
        t.tulis([i.kode.as_str(), &i.nama, &i.jenis, &i.tolok_ukur, &i.target])
    }

    pub fn indikator(r: csv::StringRecord) -> BarisIndikator {
        BarisIndikator {
            kode: teks(&r, 0),
            nama: teks(&r, 1),
            jenis: teks(&r, 2),
            tolok_ukur: teks(&r, 3),
            target: teks(&r, 4),
        }
    }

    pub fn tulis_rincian(t: &mut Tumpahan, b: &BarisRincianRingkas) -> std::io::Result<()> {
        t.tulis([
            b.kode_sub.as_str(),
            &b.kode_rekening,
            &b.rekening,
            &b.uraian,
            &b.spesifikasi,
            &b.koefisien,
            &b.satuan,
            &angka(b.harga),
            &b.ppn,
            &angka(b.jumlah),
        ])
    }

    pub fn rincian(r: csv::StringRecord) -> BarisRincianRingkas {
        BarisRincianRingkas {
            kode_sub: teks(&r, 0),
            kode_rekening: teks(&r, 1),
            rekening: teks(&r, 2),
            uraian: teks(&r, 3),
            spesifikasi: teks(&r, 4),
            koefisien: teks(&r, 5),
            satuan: teks(&r, 6),
            harga: desimal(&r, 7),
            ppn: teks(&r, 8),
            jumlah: desimal(&r, 9),
        }
    }

    pub fn tulis_status(t: &mut Tumpahan, s: &StatusBerkas) -> std::io::Result<()> {
        t.tulis([
            s.berkas.as_str(),
            s.keadaan.nama(),
            &s.sub_kegiatan.to_string(),
            &s.rincian.to_string(),
            &s.alasan,
        ])
    }

    pub fn status(r: csv::StringRecord) -> StatusBerkas {
        let keadaan = match r.get(1) {
            Some("gagal") => Keadaan::Gagal,
            Some("dilewati") => Keadaan::Dilewati,
            _ => Keadaan::Dibaca,
        };
        StatusBerkas {
            berkas: teks(&r, 0),
            keadaan,
            sub_kegiatan: cacah(&r, 2),
            rincian: cacah(&r, 3),
            alasan: teks(&r, 4),
        }
    }

    pub fn tulis_temuan(t: &mut Tumpahan, b: &BarisTemuan) -> std::io::Result<()> {
        t.tulis(b.kolom.iter().map(String::as_str))
    }

    pub fn temuan(r: csv::StringRecord, galat: bool) -> BarisTemuan {
        BarisTemuan {
            kolom: std::array::from_fn(|i| teks(&r, i)),
            galat,
        }
    }
}

/// The sheets' rows on disk while the files are read.
struct Tumpah {
    ringkas: tumpahan::Tumpahan,
    indikator: tumpahan::Tumpahan,
    rincian: tumpahan::Tumpahan,
    status: tumpahan::Tumpahan,
    /// Galat, peringatan, info: the Temuan sheet lists galat first, then peringatan, then
    /// info, each in input order (within a file as [`temuan::urutkan`] orders them).
    temuan: [tumpahan::Tumpahan; 3],
}

/// Reads many DPA exports (`jobs` files at a time, one per thread) and writes them as one
/// workbook (or, with [`Keluaran::Csv`], a folder of CSV files): Sub Kegiatan, Rincian,
/// Indikator, Status and Temuan. A file that cannot be read is listed in Status with why and
/// never stops the others. `kemajuan` is called after each file with the number done and
/// the total.
///
/// Memory does not grow with the number of files: results are taken in chunks of a few per
/// job, written to temporary files beside the output, and streamed from there into their
/// sheets; only the files not read are kept for the summary.
pub fn konversi(
    masukan: &[PathBuf],
    keluaran: &Path,
    bentuk: Keluaran,
    jobs: usize,
    kemajuan: &(dyn Fn(usize, usize) + Sync),
) -> Result<Konversi, Galat> {
    use rayon::prelude::*;
    use tables::konversi::{BarisTemuan, Keadaan, StatusBerkas};
    let (berkas, lain) = kumpulkan_semua(masukan)?;
    let folder = match bentuk {
        Keluaran::Xlsx => {
            siapkan_keluaran(keluaran, &berkas)?;
            keluaran
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf()
        }
        Keluaran::Csv => siapkan_folder_csv(keluaran, &berkas)?,
    };
    let berkas: Vec<PathBuf> = berkas.into_iter().filter(|b| !sama(b, keluaran)).collect();
    let kolam = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| {
            Galat::FolderKeluaran(keluaran.display().to_string(), std::io::Error::other(e))
        })?;
    let gagal_tumpah = |e: std::io::Error| Galat::FolderKeluaran(folder.display().to_string(), e);
    let baru = || tumpahan::Tumpahan::baru(&folder).map_err(gagal_tumpah);
    let mut t = Tumpah {
        ringkas: baru()?,
        indikator: baru()?,
        rincian: baru()?,
        status: baru()?,
        temuan: [baru()?, baru()?, baru()?],
    };
    let mut tidak_dibaca = Vec::new();
    let mut dibaca = 0usize;
    let mut hitung_temuan = [0usize; 3];
    let total = berkas.len();
    let mut selesai = 0usize;
    let mut simpan_status = |t: &mut Tumpah, s: StatusBerkas| -> Result<(), Galat> {
        tumpahan::tulis_status(&mut t.status, &s).map_err(gagal_tumpah)?;
        if s.keadaan == Keadaan::Dibaca {
            dibaca = dibaca.saturating_add(1);
        } else {
            tidak_dibaca.push(s);
        }
        Ok(())
    };
    // In chunks, so results are written in input order and only a chunk is held at once.
    for potongan in berkas.chunks(jobs.max(1).saturating_mul(8)) {
        let hasil: Vec<HasilBerkas> = kolam.install(|| {
            potongan
                .par_iter()
                .map(|b| baca_untuk_konversi(b))
                .collect()
        });
        for mut h in hasil {
            for r in &h.ringkas {
                tumpahan::tulis_ringkas(&mut t.ringkas, r).map_err(gagal_tumpah)?;
            }
            for i in &h.indikator {
                tumpahan::tulis_indikator(&mut t.indikator, i).map_err(gagal_tumpah)?;
            }
            for r in &h.rincian {
                tumpahan::tulis_rincian(&mut t.rincian, r).map_err(gagal_tumpah)?;
            }
            temuan::urutkan(&mut h.temuan);
            for x in &h.temuan {
                let i = x.tingkat as usize;
                hitung_temuan[i] = hitung_temuan[i].saturating_add(1);
                tumpahan::tulis_temuan(&mut t.temuan[i], &BarisTemuan::dari(x))
                    .map_err(gagal_tumpah)?;
            }
            simpan_status(&mut t, h.status)?;
            selesai = selesai.saturating_add(1);
            kemajuan(selesai, total);
        }
    }
    for (p, alasan) in lain {
        simpan_status(
            &mut t,
            StatusBerkas {
                berkas: p.display().to_string(),
                keadaan: Keadaan::Dilewati,
                sub_kegiatan: 0,
                rincian: 0,
                alasan,
            },
        )?;
    }
    let ringkasan = Ringkasan {
        galat: hitung_temuan[temuan::Tingkat::Galat as usize],
        peringatan: hitung_temuan[temuan::Tingkat::Peringatan as usize],
        info: hitung_temuan[temuan::Tingkat::Info as usize],
    };
    let gagal = tidak_dibaca
        .iter()
        .filter(|s| s.keadaan == Keadaan::Gagal)
        .count();
    let (sub_kegiatan, ringkas) = t.ringkas.baca().map_err(gagal_tumpah)?;
    let (indikator, baris_indikator) = t.indikator.baca().map_err(gagal_tumpah)?;
    let (rincian, baris_rincian) = t.rincian.baca().map_err(gagal_tumpah)?;
    let (jumlah_status, status) = t.status.baca().map_err(gagal_tumpah)?;
    let [tg, tp, ti] = t.temuan;
    let (ng, g) = tg.baca().map_err(gagal_tumpah)?;
    let (np, p) = tp.baca().map_err(gagal_tumpah)?;
    let (ni, i) = ti.baca().map_err(gagal_tumpah)?;
    let baris_temuan = g
        .map(|r| tumpahan::temuan(r, true))
        .chain(p.chain(i).map(|r| tumpahan::temuan(r, false)));
    {
        let pembuat: Vec<tables::Pembuat<'_>> = vec![
            Box::new(move || {
                tables::konversi::sub_kegiatan(sub_kegiatan, ringkas.map(tumpahan::ringkas))
            }),
            Box::new(move || {
                tables::konversi::rincian(rincian, baris_rincian.map(tumpahan::rincian))
            }),
            Box::new(move || {
                tables::konversi::indikator(indikator, baris_indikator.map(tumpahan::indikator))
            }),
            Box::new(move || {
                tables::konversi::status(jumlah_status, gagal, status.map(tumpahan::status))
            }),
            Box::new(move || tables::konversi::temuan(ng + np + ni, ng, baris_temuan)),
        ];
        match bentuk {
            Keluaran::Xlsx => write::tulis(pembuat, None, keluaran)?,
            Keluaran::Csv => write::csv::tulis(pembuat, keluaran)?,
        }
    }
    Ok(Konversi {
        tidak_dibaca,
        dibaca,
        sub_kegiatan,
        rincian,
        ringkasan,
    })
}

/// Checks a CSV output folder before any work, as [`siapkan_keluaran`] checks a workbook:
/// not an existing file, none of the files it will hold an input, made if missing, and
/// writable. Returns the folder.
fn siapkan_folder_csv(keluaran: &Path, masukan: &[PathBuf]) -> Result<PathBuf, Galat> {
    let nama = keluaran.display().to_string();
    if keluaran.exists() && !keluaran.is_dir() {
        return Err(Galat::FolderKeluaran(
            nama,
            std::io::Error::other(
                "sudah ada berkas bernama itu; --format csv menulis beberapa berkas CSV ke dalam sebuah folder",
            ),
        ));
    }
    // As for a workbook: a file about to be written is never also read (an input is never
    // overwritten; a second run into the input folder is told so).
    for lembar in tables::konversi::NAMA_LEMBAR {
        let tujuan = keluaran.join(write::csv::nama_berkas(lembar));
        if masukan.iter().any(|m| sama(m, &tujuan)) {
            return Err(Galat::KeluaranSamaDenganMasukan(
                tujuan.display().to_string(),
            ));
        }
    }
    std::fs::create_dir_all(keluaran).map_err(|e| Galat::FolderKeluaran(nama.clone(), e))?;
    tempfile::Builder::new()
        .prefix(".lkjip-")
        .tempfile_in(keluaran)
        .map_err(|e| Galat::FolderKeluaran(nama, e))?;
    Ok(keluaran.to_path_buf())
}
