//! `lkjip konversi`: many DPA exports read in parallel into one workbook.

use super::{Galat, Ringkasan, sama, siapkan_keluaran};
use crate::check;
use crate::recognise;
use crate::sheet;
use crate::tables;
use crate::temuan::{self, Temuan};
use crate::write;
use std::path::{Path, PathBuf};

/// What `konversi` did.
#[derive(Debug)]
pub struct Konversi {
    /// One row per input file, in input order.
    pub status: Vec<tables::konversi::StatusBerkas>,
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
    while let Some(f) = folder.pop() {
        let (b, l) = sheet::berkas_dalam_folder(&f)
            .map_err(|e| Galat::FolderTakTerbaca(f.display().to_string(), e))?;
        buku.extend(b);
        lain.extend(l);
        let mut sub: Vec<PathBuf> = std::fs::read_dir(&f)
            .map_err(|e| Galat::FolderTakTerbaca(f.display().to_string(), e))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        sub.sort();
        // Popped last first: reversed so folders are walked in name order.
        folder.extend(sub.into_iter().rev());
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

/// Rincian lines kept on disk until their sheet is written: many DPA are read, and their
/// lines are not all held in memory. One line per row, fields separated by U+001F.
mod tumpahan {
    use crate::tables::konversi::BarisRincianRingkas;
    use rust_decimal::Decimal;
    use std::io::{BufRead, Write};
    use std::str::FromStr;

    const PISAH: char = '\u{1f}';

    fn bersih(t: &str) -> String {
        t.chars()
            .map(|c| {
                if c == PISAH || c == '\n' || c == '\r' {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    }

    pub fn tulis(w: &mut impl Write, b: &BarisRincianRingkas) -> std::io::Result<()> {
        let angka = |d: Option<Decimal>| d.map(|x| x.to_string()).unwrap_or_default();
        let kolom = [
            bersih(&b.kode_sub),
            bersih(&b.kode_rekening),
            bersih(&b.rekening),
            bersih(&b.uraian),
            bersih(&b.spesifikasi),
            bersih(&b.koefisien),
            bersih(&b.satuan),
            angka(b.harga),
            bersih(&b.ppn),
            angka(b.jumlah),
        ];
        writeln!(w, "{}", kolom.join(&PISAH.to_string()))
    }

    pub fn baca(r: impl BufRead) -> impl Iterator<Item = BarisRincianRingkas> {
        r.lines().map_while(Result::ok).map(|l| {
            let k: Vec<&str> = l.split(PISAH).collect();
            let t = |i: usize| k.get(i).copied().unwrap_or_default().to_string();
            let d = |i: usize| k.get(i).and_then(|x| Decimal::from_str(x).ok());
            BarisRincianRingkas {
                kode_sub: t(0),
                kode_rekening: t(1),
                rekening: t(2),
                uraian: t(3),
                spesifikasi: t(4),
                koefisien: t(5),
                satuan: t(6),
                harga: d(7),
                ppn: t(8),
                jumlah: d(9),
            }
        })
    }
}

/// Reads many DPA exports (`jobs` files at a time, one per thread) and writes them as one
/// workbook: Sub Kegiatan, Rincian, Indikator, Status and Temuan. A file that cannot be read
/// is listed in Status with why and never stops the others. `kemajuan` is called after each
/// file with the number done and the total.
pub fn konversi(
    masukan: &[PathBuf],
    keluaran: &Path,
    jobs: usize,
    kemajuan: &(dyn Fn(usize, usize) + Sync),
) -> Result<Konversi, Galat> {
    use rayon::prelude::*;
    use std::io::{Seek, Write};
    use tables::konversi::{Keadaan, StatusBerkas};
    let (berkas, lain) = kumpulkan_semua(masukan)?;
    siapkan_keluaran(keluaran, &berkas)?;
    let berkas: Vec<PathBuf> = berkas.into_iter().filter(|b| !sama(b, keluaran)).collect();
    let kolam = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| {
            Galat::FolderKeluaran(keluaran.display().to_string(), std::io::Error::other(e))
        })?;
    let folder = keluaran
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tumpah_gagal = |e: std::io::Error| Galat::FolderKeluaran(folder.display().to_string(), e);
    let mut tumpah = std::io::BufWriter::new(tempfile::tempfile_in(folder).map_err(tumpah_gagal)?);
    let mut status: Vec<StatusBerkas> = Vec::with_capacity(berkas.len().saturating_add(lain.len()));
    let mut ringkas = Vec::new();
    let mut indikator = Vec::new();
    let mut temuan = Vec::new();
    let mut rincian = 0usize;
    let total = berkas.len();
    let mut selesai = 0usize;
    // In chunks, so results are written in input order and only a chunk is held at once.
    for potongan in berkas.chunks(jobs.max(1).saturating_mul(8)) {
        let hasil: Vec<HasilBerkas> = kolam.install(|| {
            potongan
                .par_iter()
                .map(|b| baca_untuk_konversi(b))
                .collect()
        });
        for h in hasil {
            for r in &h.rincian {
                tumpahan::tulis(&mut tumpah, r).map_err(tumpah_gagal)?;
            }
            rincian = rincian.saturating_add(h.rincian.len());
            status.push(h.status);
            ringkas.extend(h.ringkas);
            indikator.extend(h.indikator);
            temuan.extend(h.temuan);
            selesai = selesai.saturating_add(1);
            kemajuan(selesai, total);
        }
    }
    status.extend(lain.into_iter().map(|(p, alasan)| StatusBerkas {
        berkas: p.display().to_string(),
        keadaan: Keadaan::Dilewati,
        sub_kegiatan: 0,
        rincian: 0,
        alasan,
    }));
    temuan::urutkan(&mut temuan);
    let mut berkas_tumpah = tumpah
        .into_inner()
        .map_err(|e| tumpah_gagal(e.into_error()))?;
    berkas_tumpah.flush().map_err(tumpah_gagal)?;
    berkas_tumpah.rewind().map_err(tumpah_gagal)?;
    let baca_tumpah = tumpahan::baca(std::io::BufReader::new(berkas_tumpah));
    let ringkasan = {
        let hitung = |t| temuan.iter().filter(|x| x.tingkat == t).count();
        Ringkasan {
            galat: hitung(temuan::Tingkat::Galat),
            peringatan: hitung(temuan::Tingkat::Peringatan),
            info: hitung(temuan::Tingkat::Info),
        }
    };
    let sub_kegiatan = ringkas.len();
    {
        let pembuat: Vec<tables::Pembuat<'_>> = vec![
            Box::new(|| tables::konversi::sub_kegiatan(&ringkas)),
            Box::new(move || tables::konversi::rincian(rincian, baca_tumpah)),
            Box::new(|| tables::konversi::indikator(&indikator)),
            Box::new(|| tables::konversi::status(&status)),
            Box::new(|| tables::tabel_temuan::susun(&temuan)),
        ];
        write::tulis(pembuat, None, keluaran)?;
    }
    Ok(Konversi {
        status,
        sub_kegiatan,
        rincian,
        ringkasan,
    })
}
