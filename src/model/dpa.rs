//! The DPA (Dokumen Pelaksanaan Anggaran) of one sub kegiatan as SIPD prints and exports it
//! (`FORMULIR DPA-RINCIAN BELANJA SKPD`, `docs/dpa-tata-letak.md`): the key/value block
//! (urusan … unit, alokasi per year), the indikator table, the sub kegiatan block, the
//! rincian belanja by kode rekening, and the Rencana Penarikan Dana per bulan. Every number
//! keeps its cell; `check::dpa` recomputes what follows from the others.

use super::Nilai;
use super::kinerja::Asal;
use super::pk::Teks;
use crate::kode::Kode;
use rust_decimal::Decimal;

/// A `code name` value of the key/value block (`7.01.01 PROGRAM PENUNJANG …`).
#[derive(Debug, Clone, PartialEq)]
pub struct Berkode {
    pub kode: Option<Kode>,
    pub nama: String,
    pub sel: crate::model::Alamat,
}

/// The four indikator of a DPA's indikator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisIndikator {
    CapaianProgram,
    Masukan,
    Keluaran,
    Hasil,
}

impl JenisIndikator {
    pub fn nama(self) -> &'static str {
        match self {
            JenisIndikator::CapaianProgram => "Capaian Program",
            JenisIndikator::Masukan => "Masukan",
            JenisIndikator::Keluaran => "Keluaran",
            JenisIndikator::Hasil => "Hasil",
        }
    }
}

/// One row of the indikator table: the tolok ukur and its target as written (`2 Dokumen`,
/// `100 %`), with the number and unit read from it where there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct IndikatorDpa {
    pub jenis: JenisIndikator,
    pub tolok_ukur: Teks,
    pub target: Option<Teks>,
    pub target_angka: Option<Decimal>,
    pub satuan: Option<String>,
}

/// What a rincian row is. The levels nest in this order: rekening (by the number of parts
/// of its code, 1 akun … 6 sub rincian objek), then `[#]` groups, `[-]` notes, then items.
#[derive(Debug, Clone, PartialEq)]
pub enum JenisRincian {
    Rekening(Kode),
    /// `[#] Belanja ATK Kegiatan` (a paket or kelompok, with its sumber dana).
    Kelompok,
    /// `[-] Peserta Rapat`.
    Keterangan,
    /// A priced line: koefisien × harga (+ PPN).
    Item,
}

/// A koefisien as written: `3`, `2 Orang x 3 Hari`, `245 Orang / Kali`: the product of its
/// volumes.
#[derive(Debug, Clone, PartialEq)]
pub struct Koefisien {
    pub teks: String,
    pub nilai: Decimal,
    pub sel: crate::model::Alamat,
}

/// PPN as written in the rincian: a rate (`0,11`, `11%`) or an amount in rupiah.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ppn {
    Tarif(Decimal),
    Rupiah(Decimal),
}

/// A perubahan (DPPA) row's values before the change; the row's own fields are after it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sebelum {
    pub koefisien: Option<Koefisien>,
    pub harga: Option<Nilai>,
    pub ppn: Option<(Ppn, crate::model::Alamat)>,
    pub jumlah: Option<Nilai>,
}

/// One row of the rincian belanja.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisRincian {
    /// Sheet row, 0-based.
    pub r: u32,
    pub jenis: JenisRincian,
    pub uraian: Teks,
    pub spesifikasi: Option<String>,
    pub koefisien: Option<Koefisien>,
    pub satuan: Option<String>,
    pub harga: Option<Nilai>,
    pub ppn: Option<(Ppn, crate::model::Alamat)>,
    pub jumlah: Option<Nilai>,
    /// DPPA: the values before the change, and `Bertambah/(Berkurang)`.
    pub sebelum: Option<Box<Sebelum>>,
    pub bertambah: Option<Nilai>,
    /// The rekening's months where the export gives them per row (flat export `bulan_1 …
    /// bulan_12`, anggaran kas CSV), and its stated `Total RAK`.
    pub bulan: Vec<Penarikan>,
    pub total_bulan: Option<Nilai>,
}

/// One month of the Rencana Penarikan Dana.
#[derive(Debug, Clone, PartialEq)]
pub struct Penarikan {
    /// 1–12.
    pub bulan: u8,
    pub nilai: Nilai,
}

/// Which export a [`Dpa`] was read from. The rincian prints carry items and the Rencana
/// Penarikan; the tabular exports carry only rekening (flat, SIPD-RI, anggaran kas) or only
/// the pagu by kelompok belanja (rekap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bentuk {
    /// `DPA-RINCIAN BELANJA SKPD` (or its DPPA, see [`Dpa::perubahan`]).
    #[default]
    Rincian,
    /// Rekap belanja per sub kegiatan: one row per sub kegiatan, pagu by kelompok belanja.
    RekapBelanja,
    /// Flat export, one row per rekening, `code name` per level.
    Datar,
    /// SIPD-RI rekap: a KODE and a NAMA column per level, one row per rekening and paket.
    SipdRi,
    /// Anggaran kas per OPD (`kode_sub_giat, kode_akun, total_rincian, bulan_1 … bulan_12`).
    AnggaranKas,
}

impl Bentuk {
    pub fn nama(self) -> &'static str {
        match self {
            Bentuk::Rincian => "rincian DPA",
            Bentuk::RekapBelanja => "rekap belanja DPA",
            Bentuk::Datar => "ekspor DPA per rekening",
            Bentuk::SipdRi => "rekap SIPD-RI",
            Bentuk::AnggaranKas => "anggaran kas",
        }
    }
}

/// The kelompok belanja of a rekap belanja's columns (Permendagri 90: 5.1 … 5.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KelompokBelanja {
    Operasi,
    Modal,
    TidakTerduga,
    Transfer,
}

impl KelompokBelanja {
    pub fn nama(self) -> &'static str {
        match self {
            KelompokBelanja::Operasi => "Belanja Operasi",
            KelompokBelanja::Modal => "Belanja Modal",
            KelompokBelanja::TidakTerduga => "Belanja Tidak Terduga",
            KelompokBelanja::Transfer => "Belanja Transfer",
        }
    }
}

/// A DPA (or RKA) rincian of one sub kegiatan.
#[derive(Debug, Clone, PartialEq)]
pub struct Dpa {
    pub asal: Asal,
    pub bentuk: Bentuk,
    pub tahun: Option<i32>,
    pub urusan: Option<Berkode>,
    pub bidang: Option<Berkode>,
    pub program: Option<Berkode>,
    pub kegiatan: Option<Berkode>,
    pub organisasi: Option<Berkode>,
    pub unit: Option<Berkode>,
    pub sub_kegiatan: Option<Berkode>,
    /// `Alokasi Tahun N`, by year.
    pub alokasi: Vec<(i32, Nilai)>,
    pub sumber_dana: Option<Teks>,
    pub lokasi: Option<Teks>,
    pub indikator: Vec<IndikatorDpa>,
    pub rincian: Vec<BarisRincian>,
    /// `Jumlah Anggaran Sub Kegiatan` (after the change, for a DPPA).
    pub jumlah: Option<Nilai>,
    /// A DPPA (`Sebelum | Sesudah | Bertambah/(Berkurang)`): its total before the change and
    /// the change.
    pub perubahan: bool,
    pub jumlah_sebelum: Option<Nilai>,
    pub jumlah_bertambah: Option<Nilai>,
    pub penarikan: Vec<Penarikan>,
    pub penarikan_jumlah: Option<Nilai>,
    /// Rekap belanja: the sub kegiatan's pagu by kelompok belanja (its `Jumlah` is
    /// [`Dpa::jumlah`]).
    pub belanja: Vec<(KelompokBelanja, Nilai)>,
}

impl Dpa {
    /// A DPPA as it was before the change: each row's Sebelum values in place of its own,
    /// to be checked as any DPA. `None` for a DPA that is no perubahan.
    pub fn sebelum(&self) -> Option<Dpa> {
        if !self.perubahan {
            return None;
        }
        let mut d = self.clone();
        for b in &mut d.rincian {
            let s = b.sebelum.take().map(|x| *x).unwrap_or_default();
            b.koefisien = s.koefisien;
            b.harga = s.harga;
            b.ppn = s.ppn;
            b.jumlah = s.jumlah;
            b.bertambah = None;
        }
        d.jumlah = self.jumlah_sebelum.clone();
        d.perubahan = false;
        d.alokasi.clear();
        d.indikator.clear();
        d.penarikan.clear();
        d.penarikan_jumlah = None;
        Some(d)
    }

    /// The pagu of the sub kegiatan: its stated total, else this year's alokasi, else (for
    /// an export that states no total: flat, SIPD-RI, anggaran kas) the sum of its rekening
    /// rows, placed at the sub kegiatan's cell ([`Dpa::pagu_dijumlah`] says which). `None`
    /// when there is none, or the sum cannot be held.
    pub fn pagu(&self) -> Option<Nilai> {
        if let Some(n) = self.jumlah.as_ref().or_else(|| {
            let t = self.tahun?;
            self.alokasi.iter().find(|(y, _)| *y == t).map(|(_, n)| n)
        }) {
            return Some(n.clone());
        }
        if self.bentuk == Bentuk::Rincian {
            return None;
        }
        let sel = self.sub_kegiatan.as_ref()?.sel;
        let mut jumlah = Decimal::ZERO;
        let mut desimal = 0;
        let mut ada = false;
        for b in &self.rincian {
            if let Some(n) = &b.jumlah {
                jumlah = jumlah.checked_add(n.nilai())?;
                desimal = desimal.max(n.angka.desimal);
                ada = true;
            }
        }
        ada.then_some(Nilai {
            angka: crate::angka::Angka {
                nilai: jumlah,
                desimal,
            },
            sel,
        })
    }

    /// Whether [`Dpa::pagu`] is the sum of the rekening rows, not a stated total.
    pub fn pagu_dijumlah(&self) -> bool {
        self.jumlah.is_none()
            && !self
                .tahun
                .is_some_and(|t| self.alokasi.iter().any(|(y, _)| *y == t))
            && self.bentuk != Bentuk::Rincian
    }
}
