//! The sheets `lkjip konversi` writes from many DPA: Sub Kegiatan (one row per DPA: unit,
//! code, name, pagu by kelompok belanja, indikator keluaran and target, sumber dana,
//! lokasi), Rincian (every priced line with its kode rekening), Indikator, and Status (one row
//! per input file: read, skipped or failed, and why), and Temuan. Every sheet's rows are
//! streamed (from the temporary files `perintah::konversi` keeps them in): a folder of
//! thousands of DPA is never held in memory at once.
#![deny(clippy::arithmetic_side_effects)]

use super::{Badan, Baris, Bentuk, Sel, Tabel};
use crate::angka;
use crate::model::dpa::{Dpa, JenisIndikator, JenisRincian, Ppn};
use crate::temuan::{Temuan, Tingkat};
use rust_decimal::Decimal;

/// What `konversi` writes the sheets as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keluaran {
    /// One workbook, a sheet per table.
    #[default]
    Xlsx,
    /// A folder with one CSV file per table.
    Csv,
}

/// The sheets `konversi` writes, in order.
pub const NAMA_LEMBAR: [&str; 5] = ["Sub Kegiatan", "Rincian", "Indikator", "Status", "Temuan"];

/// The kelompok belanja of a rekening code's second part (Permendagri 77/2020).
fn kelompok(kode: &str) -> Option<usize> {
    match kode {
        "5.1" => Some(0),
        "5.2" => Some(1),
        "5.3" => Some(2),
        "5.4" => Some(3),
        _ => None,
    }
}

/// One DPA as a row of the Sub Kegiatan sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct RingkasDpa {
    pub berkas: String,
    pub unit: String,
    pub kode: String,
    pub nama: String,
    /// Belanja Operasi, Modal, Tidak Terduga, Transfer.
    pub kelompok: [Option<Decimal>; 4],
    pub jumlah: Option<Decimal>,
    pub keluaran: String,
    pub target: String,
    pub sumber_dana: String,
    pub lokasi: String,
}

impl RingkasDpa {
    pub fn dari(d: &Dpa) -> RingkasDpa {
        let mut kel: [Option<Decimal>; 4] = [None; 4];
        for b in &d.rincian {
            if let JenisRincian::Rekening(k) = &b.jenis
                && k.bagian().count() == 2
                && let Some(i) = kelompok(&k.teks)
                && let Some(j) = &b.jumlah
            {
                kel[i] = Some(
                    kel[i]
                        .map_or(Ok(j.nilai()), |x| angka::tambah(x, j.nilai()))
                        .unwrap_or(j.nilai()),
                );
            }
        }
        let keluaran = d
            .indikator
            .iter()
            .find(|i| i.jenis == JenisIndikator::Keluaran);
        let teks = |t: &Option<crate::model::pk::Teks>| {
            t.as_ref().map(|x| x.isi.clone()).unwrap_or_default()
        };
        RingkasDpa {
            berkas: d.asal.berkas.clone(),
            unit: d
                .unit
                .as_ref()
                .or(d.organisasi.as_ref())
                .map(|u| u.nama.clone())
                .unwrap_or_default(),
            kode: d
                .sub_kegiatan
                .as_ref()
                .and_then(|s| s.kode.as_ref().map(|k| k.teks.clone()))
                .unwrap_or_default(),
            nama: d
                .sub_kegiatan
                .as_ref()
                .map(|s| s.nama.clone())
                .unwrap_or_default(),
            kelompok: kel,
            jumlah: d.pagu().map(|n| n.nilai()),
            keluaran: keluaran
                .map(|k| k.tolok_ukur.isi.clone())
                .unwrap_or_default(),
            target: keluaran.map(|k| teks(&k.target)).unwrap_or_default(),
            sumber_dana: teks(&d.sumber_dana),
            lokasi: teks(&d.lokasi),
        }
    }
}

/// One indikator row of a DPA.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisIndikator {
    pub kode: String,
    pub nama: String,
    pub jenis: String,
    pub tolok_ukur: String,
    pub target: String,
}

/// The indikator rows of `d`, whose Sub Kegiatan row is `r`.
pub fn indikator_dari(d: &Dpa, r: &RingkasDpa) -> Vec<BarisIndikator> {
    d.indikator
        .iter()
        .map(|i| BarisIndikator {
            kode: r.kode.clone(),
            nama: r.nama.clone(),
            jenis: i.jenis.nama().to_string(),
            tolok_ukur: i.tolok_ukur.isi.clone(),
            target: i.target.as_ref().map(|t| t.isi.clone()).unwrap_or_default(),
        })
        .collect()
}

/// One priced line of a DPA, with the rekening it is under.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisRincianRingkas {
    pub kode_sub: String,
    pub kode_rekening: String,
    pub rekening: String,
    pub uraian: String,
    pub spesifikasi: String,
    pub koefisien: String,
    pub satuan: String,
    pub harga: Option<Decimal>,
    pub ppn: String,
    pub jumlah: Option<Decimal>,
}

/// The priced lines of `d`, under its sub kegiatan code `kode_sub`.
pub fn rincian_dari(d: &Dpa, kode_sub: &str) -> Vec<BarisRincianRingkas> {
    let mut rekening = (String::new(), String::new());
    let mut hasil = Vec::new();
    for b in &d.rincian {
        match &b.jenis {
            JenisRincian::Rekening(k) => rekening = (k.teks.clone(), b.uraian.isi.clone()),
            JenisRincian::Item => hasil.push(BarisRincianRingkas {
                kode_sub: kode_sub.to_string(),
                kode_rekening: rekening.0.clone(),
                rekening: rekening.1.clone(),
                uraian: b.uraian.isi.clone(),
                spesifikasi: b.spesifikasi.clone().unwrap_or_default(),
                koefisien: b
                    .koefisien
                    .as_ref()
                    .map(|k| k.teks.clone())
                    .unwrap_or_default(),
                satuan: b.satuan.clone().unwrap_or_default(),
                harga: b.harga.as_ref().map(|h| h.nilai()),
                ppn: match b.ppn {
                    Some((Ppn::Tarif(t), _)) if !t.is_zero() => {
                        let p = t.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default();
                        format!("{} %", angka::tulis(p.normalize(), p.normalize().scale()))
                    }
                    Some((Ppn::Rupiah(x), _)) if !x.is_zero() => angka::tulis(x, 0),
                    _ => String::new(),
                },
                jumlah: b.jumlah.as_ref().map(|j| j.nilai()),
            }),
            _ => {}
        }
    }
    hasil
}

/// What became of one input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keadaan {
    Dibaca,
    Dilewati,
    Gagal,
}

impl Keadaan {
    pub fn nama(self) -> &'static str {
        match self {
            Keadaan::Dibaca => "dibaca",
            Keadaan::Dilewati => "dilewati",
            Keadaan::Gagal => "gagal",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusBerkas {
    pub berkas: String,
    pub keadaan: Keadaan,
    /// Sub kegiatan and rincian lines read.
    pub sub_kegiatan: usize,
    pub rincian: usize,
    pub alasan: String,
}

fn rp(d: Option<Decimal>) -> Sel {
    d.map_or_else(Sel::kosong, |x| Sel::angka(x, Bentuk::Rupiah))
}

fn baris(sel: Vec<Sel>) -> Baris {
    Baris {
        sel,
        tebal: false,
        indent: 0,
    }
}

/// The Sub Kegiatan sheet over `jumlah` DPA that `v` yields as it is written.
pub fn sub_kegiatan<'a>(
    jumlah: usize,
    v: impl Iterator<Item = RingkasDpa> + Send + 'a,
) -> Tabel<'a> {
    let mut t = Tabel::baru(
        NAMA_LEMBAR[0],
        format!("Sub Kegiatan dari {jumlah} DPA"),
        &[
            "Unit",
            "Kode",
            "Sub Kegiatan",
            "Belanja Operasi",
            "Belanja Modal",
            "Belanja Tidak Terduga",
            "Belanja Transfer",
            "Jumlah",
            "Indikator Keluaran",
            "Target",
            "Sumber Dana",
            "Lokasi",
            "Berkas",
        ],
        vec![
            28.0, 20.0, 44.0, 17.0, 17.0, 14.0, 14.0, 17.0, 36.0, 14.0, 24.0, 24.0, 30.0,
        ],
    );
    t.kolom_uraian = 2;
    t.baris = Badan::baru(
        jumlah,
        v.map(|r| {
            let mut sel = vec![Sel::teks(r.unit), Sel::teks(r.kode), Sel::teks(r.nama)];
            sel.extend(r.kelompok.iter().map(|k| rp(*k)));
            sel.extend([
                rp(r.jumlah),
                Sel::teks(r.keluaran),
                Sel::teks(r.target),
                Sel::teks(r.sumber_dana),
                Sel::teks(r.lokasi),
                Sel::teks(r.berkas),
            ]);
            baris(sel)
        }),
    );
    t
}

/// The Indikator sheet over `jumlah` rows that `v` yields as it is written.
pub fn indikator<'a>(
    jumlah: usize,
    v: impl Iterator<Item = BarisIndikator> + Send + 'a,
) -> Tabel<'a> {
    let mut t = Tabel::baru(
        NAMA_LEMBAR[2],
        format!("Indikator dan Target Kinerja dari DPA ({jumlah} baris)"),
        &[
            "Kode",
            "Sub Kegiatan",
            "Indikator",
            "Tolok Ukur Kinerja",
            "Target Kinerja",
        ],
        vec![20.0, 44.0, 16.0, 50.0, 18.0],
    );
    t.kolom_uraian = 3;
    t.baris = Badan::baru(
        jumlah,
        v.map(|i| {
            baris(vec![
                Sel::teks(i.kode),
                Sel::teks(i.nama),
                Sel::teks(i.jenis),
                Sel::teks(i.tolok_ukur),
                Sel::teks(i.target),
            ])
        }),
    );
    t
}

/// The Rincian sheet over `jumlah` lines that `isi` yields as it is written.
pub fn rincian<'a>(
    jumlah: usize,
    isi: impl Iterator<Item = BarisRincianRingkas> + Send + 'a,
) -> Tabel<'a> {
    let mut t = Tabel::baru(
        NAMA_LEMBAR[1],
        format!("Rincian Belanja dari DPA ({jumlah} baris)"),
        &[
            "Sub Kegiatan",
            "Kode Rekening",
            "Rekening",
            "Uraian",
            "Spesifikasi",
            "Koefisien",
            "Satuan",
            "Harga",
            "PPN",
            "Jumlah",
        ],
        vec![20.0, 20.0, 36.0, 40.0, 30.0, 14.0, 12.0, 15.0, 8.0, 17.0],
    );
    t.kolom_uraian = 3;
    t.baris = Badan::baru(
        jumlah,
        isi.map(|r| {
            baris(vec![
                Sel::teks(r.kode_sub),
                Sel::teks(r.kode_rekening),
                Sel::teks(r.rekening),
                Sel::teks(r.uraian),
                Sel::teks(r.spesifikasi),
                // A plain number is written as one; `2 Orang x 3 Hari` stays text.
                match Decimal::from_str_exact(&r.koefisien) {
                    Ok(k) => Sel::angka(k, Bentuk::Tengah),
                    Err(_) => Sel::teks(r.koefisien),
                },
                Sel::teks(r.satuan),
                rp(r.harga),
                Sel::teks(r.ppn),
                rp(r.jumlah),
            ])
        }),
    );
    t
}

/// The Status sheet over `jumlah` files, `gagal` of them failed, that `v` yields as it is
/// written.
pub fn status<'a>(
    jumlah: usize,
    gagal: usize,
    v: impl Iterator<Item = StatusBerkas> + Send + 'a,
) -> Tabel<'a> {
    let mut t = Tabel::baru(
        NAMA_LEMBAR[3],
        format!("Status {jumlah} berkas masukan: {gagal} gagal"),
        &[
            "Berkas",
            "Status",
            "Sub Kegiatan",
            "Baris Rincian",
            "Keterangan",
        ],
        vec![60.0, 10.0, 12.0, 12.0, 80.0],
    );
    t.kolom_uraian = 4;
    t.baris = Badan::baru(
        jumlah,
        v.map(|s| Baris {
            sel: vec![
                Sel::teks(s.berkas),
                Sel::teks(s.keadaan.nama()),
                Sel::angka(Decimal::from(s.sub_kegiatan), Bentuk::Tengah),
                Sel::angka(Decimal::from(s.rincian), Bentuk::Tengah),
                Sel::teks(s.alasan),
            ],
            tebal: s.keadaan == Keadaan::Gagal,
            indent: 0,
        }),
    );
    t
}

/// One finding as a row of the Temuan sheet: its six texts, and whether it is a galat (bold).
#[derive(Debug, Clone, PartialEq)]
pub struct BarisTemuan {
    pub kolom: [String; 6],
    pub galat: bool,
}

impl BarisTemuan {
    /// The row `tabel_temuan::susun` makes of a finding.
    pub fn dari(t: &Temuan) -> BarisTemuan {
        BarisTemuan {
            kolom: [
                t.tingkat.nama().to_string(),
                t.kode.to_string(),
                t.lokasi.to_string(),
                t.pesan.clone(),
                t.tertulis.clone().unwrap_or_default(),
                t.seharusnya.clone().unwrap_or_default(),
            ],
            galat: t.tingkat == Tingkat::Galat,
        }
    }
}

/// The Temuan sheet over `jumlah` findings, `galat` of them galat, that `v` yields as it is
/// written: the layout of `tabel_temuan::susun` (which takes the findings whole, and a
/// folder of DPA has hundreds of thousands of them).
pub fn temuan<'a>(
    jumlah: usize,
    galat: usize,
    v: impl Iterator<Item = BarisTemuan> + Send + 'a,
) -> Tabel<'a> {
    let mut t = Tabel::baru(
        NAMA_LEMBAR[4],
        format!("Temuan Pemeriksaan: {jumlah} temuan, {galat} galat"),
        &[
            "Tingkat",
            "Kode",
            "Lokasi",
            "Uraian",
            "Tertulis",
            "Seharusnya",
        ],
        vec![11.0, 26.0, 40.0, 80.0, 20.0, 20.0],
    );
    t.kolom_uraian = 3;
    let baris = v.map(|b| Baris {
        sel: b.kolom.into_iter().map(Sel::teks).collect(),
        tebal: b.galat,
        indent: 0,
    });
    t.baris = if jumlah == 0 {
        Badan::dari(vec![Baris {
            sel: vec![
                Sel::kosong(),
                Sel::kosong(),
                Sel::kosong(),
                Sel::teks("Tidak ada temuan."),
            ],
            tebal: false,
            indent: 0,
        }])
    } else {
        Badan::baru(jumlah, baris)
    };
    t
}
