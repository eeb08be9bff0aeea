//! Checks of the Renja evaluation form (Permendagri 86/2017), and the form as kinerja data.
//!
//! Within a row, every number the form's formulas make from others: the year's realisasi
//! Rp from the four triwulan, the tingkat capaian K and Rp from realisasi and target, the
//! Renstra columns. The formulas are those the column-number row states (`14 = 10+11+12+13`,
//! offices renumber), else Permendagri's. Amounts add up only in Rp: a K of 100 % in each
//! triwulan is 100 % for the year, not 400. Down the form, each parent's Rp is the sum of its
//! children's (urusan › bidang › organisasi › sub unit › program › kegiatan › sub kegiatan)
//! and the JUMLAH row the sum of the top rows. When one cell breaks two sums that both say
//! what it should be (a triwulan amount against its row's total and against its parent's),
//! that cell is named as the typo.
//!
//! [`bagian_kinerja`] turns the form into the kinerja workbook's parts, so Tabel 11, 12 and
//! 17 can be made from it instead of the kinerja workbook.
#![deny(clippy::arithmetic_side_effects)]

use super::selisih::{self, Angkanya, Selisih, rupiah};
use crate::angka::{self, Angka, sama_pada_presisi, tulis};
use crate::compute::kinerja::{self as hitung, Polaritas, TakTerhitung};
use crate::kode::Tingkat;
use crate::model::kinerja::{
    BagianKinerja, BarisPeta, BarisProgramKinerja, BarisTahunan, BarisTriwulan, Iku, LembarKinerja,
    Ukur, Ukuran,
};
use crate::model::renja::{BarisRenja, FormRenja, JenisBaris, Kelompok, Rumus, Sisi};
use crate::model::tabel::{SelKetik, Tertulis};
use crate::model::{Alamat, Pohon};
use crate::temuan::{Temuan, Tingkat as T};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};

/// The formulas each row is checked against: those the form states, and Permendagri's for
/// the columns it states none for.
pub fn rumus_berlaku(f: &FormRenja) -> Vec<Rumus> {
    let ada = |k: Kelompok| f.kolom.iter().any(|x| x.0 == k);
    let mut hasil: Vec<Rumus> = f.rumus.iter().map(|r| r.rumus.clone()).collect();
    let baku = [
        Rumus::Jumlah {
            hasil: Kelompok::Realisasi,
            suku: (1..=4)
                .map(Kelompok::Triwulan)
                .filter(|k| ada(*k))
                .collect(),
        },
        Rumus::Rasio {
            hasil: Kelompok::Capaian,
            pembilang: Kelompok::Realisasi,
            penyebut: Kelompok::Target,
        },
        Rumus::Jumlah {
            hasil: Kelompok::RealisasiRenstra,
            suku: vec![Kelompok::RealisasiLalu, Kelompok::Realisasi],
        },
        Rumus::Rasio {
            hasil: Kelompok::CapaianRenstra,
            pembilang: Kelompok::RealisasiRenstra,
            penyebut: Kelompok::TargetRenstra,
        },
    ];
    for r in baku {
        let lengkap = match &r {
            Rumus::Jumlah { hasil, suku } => ada(*hasil) && !suku.is_empty(),
            Rumus::Rasio {
                hasil,
                pembilang,
                penyebut,
            } => ada(*hasil) && ada(*pembilang) && ada(*penyebut),
        };
        if lengkap && !hasil.iter().any(|h| h.hasil() == r.hasil()) {
            hasil.push(r);
        }
    }
    hasil
}

/// An amount: a number, `-` as 0; `n/a` is none.
fn rp(s: &SelKetik) -> Option<Decimal> {
    match s.nilai? {
        Tertulis::Angka(a) => Some(a.nilai),
        Tertulis::Strip => Some(Decimal::ZERO),
        Tertulis::TidakDiukur => None,
    }
}

fn angka_k(s: &SelKetik) -> Option<Angka> {
    match s.nilai? {
        Tertulis::Angka(a) => Some(a),
        _ => None,
    }
}

/// An amount as the form states it, written the Indonesian way (`72.649.252`).
fn teks_rp(s: &SelKetik) -> String {
    match s.nilai {
        Some(Tertulis::Angka(a)) => tulis(a.nilai, a.desimal),
        _ => s.teks.clone(),
    }
}

fn teks_persen(d: Decimal) -> String {
    tulis(angka::bulat(d, 2), 2)
}

struct Pemeriksa<'a> {
    f: &'a FormRenja,
    temuan: Vec<Temuan>,
    selisih: Vec<Selisih>,
}

impl Pemeriksa<'_> {
    fn galat(
        &mut self,
        sel: Alamat,
        kode: &'static str,
        pesan: String,
        tertulis: String,
        seharusnya: String,
    ) {
        self.temuan.push(
            Temuan::baru(T::Galat, kode, self.f.asal.sumber(sel), pesan)
                .dengan_nilai(tertulis, seharusnya),
        );
    }

    fn catat(&mut self, tingkat: T, sel: Alamat, kode: &'static str, pesan: String) {
        self.temuan
            .push(Temuan::baru(tingkat, kode, self.f.asal.sumber(sel), pesan));
    }

    /// `realisasi triwulan I Rp, 7.01.03.2.03.04 Fasilitasi …`: what a cell of the form is.
    fn label_sel(&self, sel: &SelKetik) -> String {
        let i = self.f.baris.partition_point(|b| b.r < sel.sel.r);
        self.f
            .baris
            .get(i)
            .filter(|b| b.r == sel.sel.r)
            .and_then(|b| {
                let n = b.nilai.iter().find(|n| n.sel.sel == sel.sel)?;
                Some(format!(
                    "{} {} ({})",
                    n.kelompok.nama(),
                    n.sisi.nama(),
                    b.nama()
                ))
            })
            .unwrap_or_default()
    }

    /// A row's Rp sum: `hasil` against its `suku` (empty cells are 0; a row with none of
    /// them filled is not checked).
    fn jumlah_baris(&mut self, b: &BarisRenja, hasil: Kelompok, suku: &[Kelompok]) {
        let Some(h) = b.nilai(hasil, Sisi::Rp) else {
            return;
        };
        let sel: Vec<&SelKetik> = suku.iter().filter_map(|k| b.nilai(*k, Sisi::Rp)).collect();
        if sel.is_empty() || rp(h).is_none() {
            return;
        }
        let Ok(jumlah) = angka::jumlah(sel.iter().filter_map(|s| rp(s))) else {
            return;
        };
        if rp(h) == Some(jumlah) {
            return;
        }
        let apa = format!(
            "{} Rp = {}",
            hasil.nama(),
            suku.iter()
                .map(|k| k.nama())
                .collect::<Vec<_>>()
                .join(" + ")
        );
        let selisih = Selisih {
            hasil: self.angkanya(h),
            suku: sel
                .into_iter()
                .filter(|s| rp(s).is_some())
                .map(|s| self.angkanya(s))
                .collect(),
            jumlah,
            apa,
            nama: b.nama(),
            kode: "RENJA_JUMLAH_BARIS",
        };
        self.selisih.push(selisih);
    }

    fn capaian_salah(&mut self, h: &SelKetik, apa: &str, cara: &str, d: Decimal) {
        self.galat(
            h.sel,
            "RENJA_CAPAIAN_SALAH",
            format!(
                "{apa} tertulis {}, padahal {cara} = {}",
                h.teks,
                teks_persen(d)
            ),
            h.teks.clone(),
            teks_persen(d),
        );
    }

    /// A row's tingkat capaian: `hasil` = `pembilang` ÷ `penyebut` × 100, for K and for Rp,
    /// at the precision it is written with.
    fn rasio_baris(
        &mut self,
        b: &BarisRenja,
        hasil: Kelompok,
        pembilang: Kelompok,
        penyebut: Kelompok,
    ) {
        for sisi in [Sisi::K, Sisi::Rp] {
            let Some(h) = b.nilai(hasil, sisi) else {
                continue;
            };
            let (Some(atas), Some(bawah)) = (b.nilai(pembilang, sisi), b.nilai(penyebut, sisi))
            else {
                continue;
            };
            let nilai = |s: &SelKetik| match sisi {
                Sisi::K => angka_k(s).map(|a| a.nilai),
                Sisi::Rp => rp(s),
            };
            let hitungan = match (nilai(atas), nilai(bawah)) {
                (Some(r), Some(t)) => hitung::capaian(Polaritas::Naik, t, r),
                _ => Err(TakTerhitung::TidakDiukur),
            };
            let cara = format!(
                "{} {s} ÷ {} {s} × 100 = {} ÷ {} × 100",
                pembilang.nama(),
                penyebut.nama(),
                atas.teks,
                bawah.teks,
                s = sisi.nama()
            );
            let apa = format!("{}: {} {}", b.nama(), hasil.nama(), sisi.nama());
            match (h.nilai, hitungan) {
                (Some(Tertulis::Angka(a)), Ok(d)) if sama_pada_presisi(a, d) => {}
                (Some(Tertulis::Angka(a)), Ok(d)) => {
                    // target ÷ realisasi: the convention some offices use for an indikator
                    // whose lower realisasi is better.
                    let turun = match (nilai(atas), nilai(bawah)) {
                        (Some(r), Some(t)) if sisi == Sisi::K => [
                            hitung::capaian(Polaritas::Turun, t, r),
                            hitung::capaian_turun_terbalik(t, r),
                        ]
                        .into_iter()
                        .flatten()
                        .any(|x| sama_pada_presisi(a, x)),
                        _ => false,
                    };
                    if turun {
                        self.catat(
                            T::Info,
                            h.sel,
                            "RENJA_CAPAIAN_TURUN",
                            format!(
                                "{apa} {} dihitung sebagai indikator turun (lebih rendah lebih baik); dengan polaritas naik {cara} = {}",
                                h.teks,
                                teks_persen(d)
                            ),
                        );
                    } else {
                        self.capaian_salah(h, &apa, &cara, d);
                    }
                }
                (Some(Tertulis::Angka(a)), Err(e)) if !a.nilai.is_zero() => self.galat(
                    h.sel,
                    "RENJA_TIDAK_TERHITUNG",
                    format!(
                        "{apa} tertulis {}, padahal tidak dapat dihitung: {}",
                        h.teks,
                        e.alasan()
                    ),
                    h.teks.clone(),
                    "n/a".to_string(),
                ),
                (Some(Tertulis::TidakDiukur | Tertulis::Strip), Ok(d)) => {
                    self.capaian_salah(h, &apa, &cara, d)
                }
                _ => {}
            }
        }
    }

    /// Each parent's Rp against its children's, and the JUMLAH row against the top rows.
    fn jumlah_induk(&mut self) {
        let baris = &self.f.baris;
        let simpul: Vec<(usize, Tingkat)> = baris
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b.jenis {
                JenisBaris::Simpul(Some(t)) => Some((i, t)),
                _ => None,
            })
            .collect();
        // Parents by position: a row stands under the nearest row above of a higher level.
        let mut anak: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut akar: Vec<usize> = Vec::new();
        let mut tumpuk: Vec<(usize, Tingkat)> = Vec::new();
        for &(i, t) in &simpul {
            while tumpuk.last().is_some_and(|&(_, atas)| atas >= t) {
                tumpuk.pop();
            }
            match tumpuk.last() {
                Some(&(induk, _)) => anak.entry(induk).or_default().push(i),
                None => akar.push(i),
            }
            tumpuk.push((i, t));
        }
        // A parent whose span holds a row of unknown level (no code, not a PROGRAM) is not
        // summed: its children cannot be told from its grandchildren.
        let mut tak_tentu: HashSet<usize> = HashSet::new();
        let mut tumpuk: Vec<(usize, Tingkat)> = Vec::new();
        for (i, b) in baris.iter().enumerate() {
            match b.jenis {
                JenisBaris::Simpul(Some(t)) => {
                    while tumpuk.last().is_some_and(|&(_, atas)| atas >= t) {
                        tumpuk.pop();
                    }
                    tumpuk.push((i, t));
                }
                JenisBaris::Simpul(None) => tak_tentu.extend(tumpuk.iter().map(|x| x.0)),
                _ => {}
            }
        }
        if let Some(&i) = tak_tentu.iter().min() {
            self.catat(
                T::Info,
                baris[i].uraian.as_ref().map_or(Alamat { r: baris[i].r, c: 0 }, |u| u.sel),
                "RENJA_TANPA_KODE",
                format!(
                    "{} baris induk memuat baris tanpa kode yang tingkatnya tidak dapat ditentukan; jumlah baris di bawahnya tidak diperiksa. Isi kolom Kode agar diperiksa",
                    tak_tentu.len()
                ),
            );
        }
        let kelompok_rp: Vec<Kelompok> = self
            .f
            .kolom
            .iter()
            .filter(|(k, s)| *s == Sisi::Rp && !k.persen())
            .map(|x| x.0)
            .collect();
        let jumlah_baris = baris.iter().find(|b| b.jenis == JenisBaris::Jumlah);
        for k in kelompok_rp {
            // A row's amount as stated, else the sum of its children's.
            let mut efektif: BTreeMap<usize, Option<Decimal>> = BTreeMap::new();
            for &(i, _) in simpul.iter().rev() {
                let tertulis = baris[i].nilai(k, Sisi::Rp).and_then(rp);
                let dari_anak = anak.get(&i).and_then(|a| {
                    let ada: Vec<Decimal> = a
                        .iter()
                        .filter_map(|j| efektif.get(j).copied().flatten())
                        .collect();
                    (!ada.is_empty()).then(|| angka::jumlah(ada).ok()).flatten()
                });
                efektif.insert(i, tertulis.or(dari_anak));
            }
            let bandingkan =
                |p: &mut Self, hasil: &SelKetik, suku: &[usize], nama: String, apa: String| {
                    let ada: Vec<Decimal> = suku
                        .iter()
                        .filter_map(|j| efektif.get(j).copied().flatten())
                        .collect();
                    if ada.is_empty() {
                        return;
                    }
                    let Ok(jumlah) = angka::jumlah(ada) else {
                        return;
                    };
                    if rp(hasil).is_none_or(|h| h == jumlah) {
                        return;
                    }
                    let selisih = Selisih {
                        hasil: p.angkanya(hasil),
                        suku: suku
                            .iter()
                            .filter_map(|&j| baris[j].nilai(k, Sisi::Rp))
                            .filter(|s| rp(s).is_some())
                            .map(|s| p.angkanya(s))
                            .collect(),
                        jumlah,
                        apa,
                        nama,
                        kode: "RENJA_JUMLAH_INDUK",
                    };
                    p.selisih.push(selisih);
                };
            for (&i, a) in &anak {
                if tak_tentu.contains(&i) {
                    continue;
                }
                let Some(h) = baris[i].nilai(k, Sisi::Rp) else {
                    continue;
                };
                let apa = format!("{} Rp = jumlah {} baris di bawahnya", k.nama(), a.len());
                bandingkan(self, h, a, baris[i].nama(), apa);
            }
            if let Some(j) = jumlah_baris
                && tak_tentu.is_empty()
                && let Some(h) = j.nilai(k, Sisi::Rp)
            {
                let apa = format!("{} Rp = jumlah {} baris teratas", k.nama(), akar.len());
                bandingkan(self, h, &akar, j.nama(), apa);
            }
        }
    }

    /// A stated amount as a part of a sum (its value: [`rp`], 0 when it has none).
    fn angkanya(&self, s: &SelKetik) -> Angkanya {
        Angkanya {
            sel: s.sel,
            nilai: rp(s).unwrap_or_default(),
            teks: teks_rp(s),
            label: self.label_sel(s),
        }
    }
}

/// Every check of one form.
pub fn periksa(f: &FormRenja) -> Vec<Temuan> {
    let mut p = Pemeriksa {
        f,
        temuan: Vec::new(),
        selisih: Vec::new(),
    };
    let rumus = rumus_berlaku(f);
    for b in &f.baris {
        for r in &rumus {
            match r {
                Rumus::Jumlah { hasil, suku } => p.jumlah_baris(b, *hasil, suku),
                Rumus::Rasio {
                    hasil,
                    pembilang,
                    penyebut,
                } => p.rasio_baris(b, *hasil, *pembilang, *penyebut),
            }
        }
    }
    p.jumlah_induk();
    let selisih = std::mem::take(&mut p.selisih);
    p.temuan
        .extend(selisih::laporkan(selisih, &f.asal, "RENJA_SALAH_KETIK"));
    p.temuan
}

fn ukur(s: &SelKetik) -> Option<Ukur> {
    let ukuran = match s.nilai? {
        Tertulis::Angka(a) => Ukuran::Angka(a.nilai),
        Tertulis::TidakDiukur | Tertulis::Strip => Ukuran::TidakDiukur,
    };
    Some(Ukur { ukuran, sel: s.sel })
}

/// The form as the kinerja workbook's parts: each sasaran row an IKU with its year and its
/// triwulan, each program, kegiatan and sub kegiatan row with an indikator a Program row,
/// each program row with a sasaran a Peta Anggaran row. The form gives no polaritas (taken
/// as naik) and only the year's target (taken as each triwulan's target); both are said.
pub fn bagian_kinerja(f: &FormRenja) -> (Vec<LembarKinerja>, Vec<Temuan>) {
    let mut iku = Vec::new();
    let mut tahunan = Vec::new();
    let mut triwulan = Vec::new();
    let mut program = Vec::new();
    let mut peta = Vec::new();
    // Whose indikator a continuation row adds to.
    enum Pemilik {
        Tidak,
        Sasaran(Option<crate::model::pk::Teks>),
        Simpul,
    }
    let mut pemilik = Pemilik::Tidak;
    for b in &f.baris {
        let target = b.nilai(Kelompok::Target, Sisi::K).and_then(ukur);
        match b.jenis {
            JenisBaris::Sasaran | JenisBaris::Lanjutan
                if matches!(b.jenis, JenisBaris::Sasaran)
                    || matches!(pemilik, Pemilik::Sasaran(_)) =>
            {
                if b.jenis == JenisBaris::Sasaran {
                    pemilik = Pemilik::Sasaran(b.sasaran.clone());
                }
                let Pemilik::Sasaran(sasaran) = &pemilik else {
                    continue;
                };
                let Some(indikator) = b.indikator.clone() else {
                    continue;
                };
                iku.push(Iku {
                    nomor: b.nomor.as_ref().map(|t| t.isi.clone()),
                    sasaran: sasaran.clone(),
                    indikator: indikator.clone(),
                    satuan: b.satuan.clone(),
                    polaritas: Polaritas::Naik,
                    kumulatif: false,
                    formula: None,
                    sumber_data: None,
                    penanggung_jawab: b.penanggung_jawab.clone(),
                    kondisi_awal: None,
                    target_akhir: b.nilai(Kelompok::TargetRenstra, Sisi::K).and_then(ukur),
                });
                if let Some(tahun) = f.tahun {
                    tahunan.push(BarisTahunan {
                        indikator: indikator.clone(),
                        tahun,
                        target,
                        realisasi: b.nilai(Kelompok::Realisasi, Sisi::K).and_then(ukur),
                    });
                }
                for q in 1..=4u8 {
                    if let Some(r) = b.nilai(Kelompok::Triwulan(q), Sisi::K).and_then(ukur) {
                        triwulan.push(BarisTriwulan {
                            indikator: indikator.clone(),
                            triwulan: q,
                            target,
                            realisasi: Some(r),
                        });
                    }
                }
            }
            JenisBaris::Simpul(tingkat) => {
                pemilik = Pemilik::Simpul;
                if tingkat == Some(Tingkat::Program)
                    && let (Some(s), Some(u)) = (&b.sasaran, &b.uraian)
                {
                    peta.push(BarisPeta {
                        sasaran: s.clone(),
                        unit: b.unit.clone(),
                        program: u.clone(),
                    });
                }
                if let Some(indikator) = b.indikator.clone() {
                    program.push(baris_program(b, indikator, target, true));
                }
            }
            JenisBaris::Lanjutan if matches!(pemilik, Pemilik::Simpul) => {
                if let Some(indikator) = b.indikator.clone() {
                    program.push(baris_program(b, indikator, target, false));
                }
            }
            _ => {}
        }
    }
    let asal = f.asal.clone();
    let mut temuan = Vec::new();
    if let Some(i) = iku.first() {
        temuan.push(Temuan::baru(
            T::Info,
            "RENJA_SEBAGAI_KINERJA",
            asal.sumber(i.indikator.sel),
            format!(
                "{} indikator sasaran dibaca dari formulir Renja; formulir ini tidak menyebut polaritas, jadi capaian dihitung naik (realisasi ÷ target × 100), dan target tiap triwulan di Tabel 12 adalah target tahun berjalan. Bila ada indikator turun, sertakan lembar IKU buku kerja kinerja",
                iku.len()
            ),
        ));
        if f.tahun.is_none() {
            temuan.push(Temuan::baru(
                T::Peringatan,
                "RENJA_TANPA_TAHUN",
                asal.sumber(i.indikator.sel),
                "tahun formulir Renja tidak ditemukan di judulnya (`Tahun Berjalan (2022)` atau `PERIODE PELAKSANAAN : TAHUN 2022`); realisasi tahunan tidak dipakai. Tulis tahunnya di judul".to_string(),
            ));
        }
    }
    let bagian = [
        BagianKinerja::Iku(iku),
        BagianKinerja::Tahunan(tahunan),
        BagianKinerja::Triwulan(triwulan),
        BagianKinerja::Program(program),
        BagianKinerja::Peta(peta),
    ];
    let lembar = bagian
        .into_iter()
        .filter(|b| b.jumlah() > 0)
        .map(|bagian| LembarKinerja {
            asal: asal.clone(),
            bagian,
        })
        .collect();
    (lembar, temuan)
}

fn baris_program(
    b: &BarisRenja,
    indikator: crate::model::pk::Teks,
    target: Option<Ukur>,
    bernama: bool,
) -> BarisProgramKinerja {
    BarisProgramKinerja {
        r: b.r,
        unit: b.unit.clone(),
        kode: if bernama { b.kode.clone() } else { None },
        uraian: if bernama { b.uraian.clone() } else { None },
        indikator,
        permendagri: if bernama { b.permendagri.clone() } else { None },
        target,
        satuan: b.satuan.clone(),
        realisasi: b.nilai(Kelompok::Realisasi, Sisi::K).and_then(ukur),
        satuan_realisasi: None,
        penanggung_jawab: b.penanggung_jawab.clone(),
    }
}

/// The form's Rp against the realisasi workbook, where both are given: each row with a code
/// against the tree node of that code in its unit, the target Rp against the pagu and the
/// year's realisasi Rp against the realisasi. The realisasi workbook is the finance staff's
/// record, so a difference is reported at the form's cell.
pub fn periksa_dengan_pohon(f: &FormRenja, pohon: &Pohon) -> Vec<Temuan> {
    let unit = pohon.unit_tiap_simpul();
    let per_kode = pohon.simpul_per_kode();
    let mut temuan = Vec::new();
    let mut tanpa_pasangan: Vec<&BarisRenja> = Vec::new();
    for b in &f.baris {
        let (JenisBaris::Simpul(Some(_)), Some(kode)) = (b.jenis, &b.kode) else {
            continue;
        };
        let calon = per_kode
            .get(kode.isi.as_str())
            .map_or(&[][..], Vec::as_slice);
        // Above the units (urusan, bidang) a code is one node; under them, the row's unit
        // decides.
        let simpul = match calon {
            [] => None,
            [satu] => Some(*satu),
            banyak => banyak.iter().copied().find(|&i| {
                unit[i].is_some_and(|u| {
                    b.unit
                        .as_ref()
                        .is_some_and(|t| super::kinerja::unit_cocok(&t.isi, pohon, u))
                })
            }),
        };
        let Some(i) = simpul else {
            tanpa_pasangan.push(b);
            continue;
        };
        let h = &pohon.simpul[i].hitung;
        for (k, tepat, apa) in [
            (Kelompok::Target, h.pagu, "pagu"),
            (Kelompok::Realisasi, h.realisasi, "realisasi"),
        ] {
            let (Some(sel), Ok(tepat)) = (b.nilai(k, Sisi::Rp), tepat) else {
                continue;
            };
            if rp(sel).is_none_or(|x| x == tepat) {
                continue;
            }
            temuan.push(
                Temuan::baru(
                    T::Galat,
                    "RENJA_BEDA_REALISASI",
                    f.asal.sumber(sel.sel),
                    format!(
                        "{}: {} Rp tertulis {}, padahal {apa} di buku kerja realisasi anggaran = {}",
                        b.nama(),
                        k.nama(),
                        teks_rp(sel),
                        rupiah(tepat)
                    ),
                )
                .dengan_nilai(teks_rp(sel), rupiah(tepat)),
            );
        }
    }
    if let Some(b) = tanpa_pasangan.first() {
        let sel = b.kode.as_ref().map_or(Alamat { r: b.r, c: 0 }, |k| k.sel);
        temuan.push(Temuan::baru(
            T::Peringatan,
            "RENJA_TIDAK_DI_REALISASI",
            f.asal.sumber(sel),
            format!(
                "{} baris formulir Renja tidak ada di buku kerja realisasi anggaran (kode di unitnya), pertama {}; anggarannya tidak dapat dibandingkan",
                tanpa_pasangan.len(),
                b.nama()
            ),
        ));
    }
    temuan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::renja::{Hasil, cari_kepala, kenali};
    use crate::sheet::{Baris, Grid, Isi};

    fn t(s: &str) -> Isi {
        if s.is_empty() {
            Isi::Kosong
        } else {
            Isi::Teks(s.to_string())
        }
    }

    /// A form in the layout of afilamediakarya/demonev (`tabel_evaluasi_rkpd`): no Kode and
    /// no Satuan column, one tingkat capaian, and this office's own numbering (`12 = 8+9+10+11`,
    /// `13 = 12/7 x 100%`). The numbers are that page's example rows.
    fn form(ubah: impl Fn(&mut Vec<Baris>)) -> (FormRenja, Vec<Temuan>) {
        let mut kepala = vec![
            "No",
            "Sasaran",
            "Urusan/Bidang Urusan Pemerintah Daerah dan Program/Kegiatan",
            "Indikator Kinerja Program (outcome) / Kegiatan (output)",
            "Target Renstra OPD pada Tahun 2018 s/d 2023 (akhir periode Renstra OPD)",
            "",
            "Realisasi Capaian Kinerja Renstra OPD s/d Renja OPD Tahun lalu (2020)",
            "",
            "Target Kinerja dan Anggaran Renja OPD Tahun berjalan yang dievaluasi (2021)",
            "",
            "Realisasi Kinerja Pada Triwulan",
        ];
        kepala.extend([""; 7]);
        kepala.extend([
            "Realisasi Capaian Kinerja dan Anggaran Renja OPD yang Dievaluasi",
            "",
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja OPD yang dievaluasi (%)",
            "",
            "Unit OPD penanggung jawab",
        ]);
        let mut tw = vec![""; 10];
        tw.extend(["I", "", "II", "", "III", "", "IV"]);
        let mut krp = vec![""; 4];
        for _ in 0..9 {
            krp.extend(["K", "Rp"]);
        }
        let nomor = [
            "1",
            "2",
            "3",
            "4",
            "5",
            "",
            "6",
            "",
            "7",
            "",
            "8",
            "",
            "9",
            "",
            "10",
            "",
            "11",
            "",
            "12 = 8+9+10+11",
            "",
            "13 = 12/7 x 100%",
            "",
            "14",
        ];
        let a = Isi::Angka;
        let program = vec![
            t("1"),
            t(
                "Meningkatnya kualitas dan pencapaian kinerja penyelenggaraan urusan perangkat daerah",
            ),
            t("Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota"),
            t("Persentase penunjang urusan perangkat daerah berjalan sesuai standar"),
            t("100%"),
            a(10_650_857_000.0),
            t(""),
            t(""),
            t("100%"),
            a(3_074_452_650.0),
            t("25%"),
            a(492_775_283.0),
            t("25%"),
            a(695_355_169.0),
            t(""),
            t(""),
            t(""),
            t(""),
            t("50%"),
            a(1_188_130_452.0),
            a(50.0),
            // 1.188.130.452 ÷ 3.074.452.650 × 100 = 38,645…
            a(38.65),
            t("DPP-PA"),
        ];
        let kegiatan = vec![
            t(""),
            t(""),
            t("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
            t("Persentase penyusunan dokumen perencanaan, penganggaran & evaluasi tepat waktu"),
            t("100%"),
            a(93_000_000.0),
            t(""),
            t(""),
            t("100%"),
            a(46_954_000.0),
            t("25%"),
            a(14_820_000.0),
            t("25%"),
            a(18_511_800.0),
            t(""),
            t(""),
            t(""),
            t(""),
            t("50%"),
            a(33_331_800.0),
            a(50.0),
            // 33.331.800 ÷ 46.954.000 × 100 = 70,988…
            a(70.99),
            t("DPP-PA"),
        ];
        let mut baris: Vec<Baris> = [kepala, tw, krp, nomor.to_vec()]
            .into_iter()
            .enumerate()
            .map(|(r, sel)| Baris {
                r: r as u32,
                sel: sel.into_iter().map(t).collect(),
            })
            .collect();
        baris.push(Baris { r: 4, sel: program });
        baris.push(Baris {
            r: 5,
            sel: kegiatan,
        });
        ubah(&mut baris);
        let grid = Grid {
            berkas: "renja.xlsx".into(),
            lembar: "Evaluasi".into(),
            baris,
            gabungan: Vec::new(),
        };
        let k = cari_kepala(&grid).expect("kepala formulir Renja dikenali");
        match kenali(&grid, k) {
            Hasil::Lembar(f, t) => (f, t),
            Hasil::Kosong { .. } => panic!("formulir kosong"),
        }
    }

    fn sel(t: &Temuan) -> &str {
        &t.lokasi.sel
    }

    #[test]
    fn tata_letak_lain_dan_rumus_nomor_kolomnya_dibaca() {
        let (f, t) = form(|_| {});
        assert!(t.is_empty(), "{t:?}");
        assert_eq!(f.tahun, Some(2021));
        assert_eq!(f.baris.len(), 2);
        assert_eq!(f.baris[0].jenis, JenisBaris::Simpul(Some(Tingkat::Program)));
        assert_eq!(f.baris[1].jenis, JenisBaris::Simpul(None));
        // The stated formulas, in group terms.
        let rumus: Vec<Rumus> = f.rumus.iter().map(|r| r.rumus.clone()).collect();
        assert_eq!(
            rumus,
            vec![
                Rumus::Jumlah {
                    hasil: Kelompok::Realisasi,
                    suku: (1..=4).map(Kelompok::Triwulan).collect()
                },
                Rumus::Rasio {
                    hasil: Kelompok::Capaian,
                    pembilang: Kelompok::Realisasi,
                    penyebut: Kelompok::Target
                },
            ]
        );
        // Every number follows; the kegiatan has no code, so the program is not summed.
        let temuan = periksa(&f);
        let kode: Vec<&str> = temuan.iter().map(|t| t.kode).collect();
        assert_eq!(kode, ["RENJA_TANPA_KODE"], "{temuan:#?}");
    }

    #[test]
    fn tingkat_capaian_salah_dan_jumlah_triwulan_salah_di_selnya() {
        let (f, _) = form(|b| {
            // demonev's own example writes 35,84 here: 33.331.800 ÷ 93.000.000, the Renstra
            // target's Rp, not this year's 46.954.000.
            b[5].sel[21] = Isi::Angka(35.84);
            // Triwulan II of the program typed 695.355.196 for 695.355.169.
            b[4].sel[13] = Isi::Angka(695_355_196.0);
        });
        let temuan = periksa(&f);
        let mut galat: Vec<&Temuan> = temuan.iter().filter(|t| t.tingkat == T::Galat).collect();
        galat.sort_by_key(|t| t.kode);
        assert_eq!(galat.len(), 2, "{temuan:#?}");
        // The row's total: 492.775.283 + 695.355.196 = 1.188.130.479, stated 1.188.130.452.
        assert_eq!(sel(galat[0]), "V6");
        assert_eq!(galat[0].kode, "RENJA_CAPAIAN_SALAH");
        assert_eq!(galat[0].seharusnya.as_deref(), Some("70,99"));
        assert_eq!(sel(galat[1]), "T5");
        assert_eq!(galat[1].kode, "RENJA_JUMLAH_BARIS");
        assert_eq!(galat[1].seharusnya.as_deref(), Some("1.188.130.479"));
    }

    #[test]
    fn rumus_tanpa_hasil_tersimpan_dilaporkan() {
        let (_, t) = form(|b| b[5].sel[19] = Isi::RumusTanpaHasil);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].kode, "RUMUS_TANPA_HASIL");
        assert_eq!(sel(&t[0]), "T6");
    }

    #[test]
    fn indikator_program_menjadi_baris_program_kinerja() {
        let (f, _) = form(|_| {});
        let (lembar, _) = bagian_kinerja(&f);
        let program: Vec<&BarisProgramKinerja> = lembar
            .iter()
            .flat_map(|l| match &l.bagian {
                BagianKinerja::Program(v) => v.iter().collect(),
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(program.len(), 2);
        assert_eq!(
            program[1].realisasi.map(|u| u.ukuran),
            Some(Ukuran::Angka(Decimal::from(50)))
        );
        // The program row names its sasaran: a Peta Anggaran row.
        assert!(
            lembar
                .iter()
                .any(|l| matches!(&l.bagian, BagianKinerja::Peta(v) if v.len() == 1))
        );
    }
}
