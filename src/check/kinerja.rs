//! Joins the sheets of a kinerja workbook with the PK and the anggaran tree, and says what
//! did not join.
//!
//! Rows of the Tahunan and Triwulan sheets belong to the IKU of the same name (or, said as
//! info, the single most alike name); the year's target is the PK's where the PK names the
//! indikator (seed 001 Tabel 11 reports the PK's 87,0, not the Renstra's 87,1), else the
//! Renstra's; the year's realisasi is the Tahunan row's, else the last quarter's. Each Peta
//! Anggaran row names a program by kode or name, in one unit or in all; each Program row
//! finds its program, kegiatan or sub kegiatan in its unit. Anggaran is never typed here: it
//! is the tree's.
#![deny(clippy::arithmetic_side_effects)]

use crate::angka::{self, tulis};
use crate::kode::Tingkat;
use crate::model::kinerja::{
    Asal, AsalTarget, BagianKinerja, BarisPeta, Indikator, Kinerja, LembarKinerja, Pasangan,
    SasaranKinerja, Ukuran,
};
use crate::model::pk::{JenisSasaran, Pk};
use crate::model::{Pohon, Sumber};
use crate::nama::{self, Daftar};
use crate::temuan::{Temuan, Tingkat as T};
use std::collections::{BTreeMap, HashMap};

fn teks_ukuran(u: Ukuran) -> String {
    match u {
        Ukuran::Angka(d) => angka::tulis_persen(d),
        Ukuran::TidakDiukur => "n/a".to_string(),
    }
}

/// Whether a written unit name is this unit of the tree.
pub fn unit_cocok(tertulis: &str, pohon: &Pohon, unit: usize) -> bool {
    let u = &pohon.simpul[unit];
    nama::normal(tertulis) == nama::normal(&u.uraian)
        || u.kode.as_ref().is_some_and(|k| k.teks == tertulis.trim())
        || nama::kemiripan(tertulis, &u.uraian) >= 80
}

/// The nodes of some levels by code and by normalised name, made once: a Program or Peta
/// row looks its node up instead of comparing itself with every node of a large LRA.
struct Indeks {
    kode: HashMap<String, Vec<usize>>,
    nama: HashMap<String, Vec<usize>>,
}

impl Indeks {
    fn baru(pohon: &Pohon, tingkat: &[Tingkat]) -> Indeks {
        let mut kode: HashMap<String, Vec<usize>> = HashMap::new();
        let mut nama_: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in pohon.simpul.iter().enumerate() {
            if !s.tingkat.is_some_and(|t| tingkat.contains(&t)) {
                continue;
            }
            if let Some(k) = &s.kode {
                kode.entry(k.teks.clone()).or_default().push(i);
            }
            nama_.entry(nama::normal(&s.uraian)).or_default().push(i);
        }
        Indeks { kode, nama: nama_ }
    }

    /// The nodes a written kode or name is, in tree order.
    fn cari(&self, tertulis: &str) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .kode
            .get(tertulis.trim())
            .into_iter()
            .chain(self.nama.get(&nama::normal(tertulis)))
            .flatten()
            .copied()
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

struct Penyusun {
    temuan: Vec<Temuan>,
}

impl Penyusun {
    fn tambah(&mut self, tingkat: T, kode: &'static str, lokasi: Sumber, pesan: String) {
        self.temuan.push(Temuan::baru(tingkat, kode, lokasi, pesan));
    }

    /// The IKU a row of another sheet names, or a galat at its cell.
    fn iku_untuk(
        &mut self,
        asal: &Asal,
        nama: &crate::model::pk::Teks,
        iku: &[(Asal, String)],
        daftar: &Daftar,
    ) -> Option<usize> {
        match daftar.cari(&nama.isi) {
            Some((i, 100)) => Some(i),
            Some((i, m)) => {
                self.tambah(
                    T::Info,
                    "INDIKATOR_DICOCOKKAN",
                    asal.sumber(nama.sel),
                    format!(
                        "indikator '{}' dianggap sama dengan '{}' di lembar IKU (kemiripan {m}%)",
                        nama.isi, iku[i].1
                    ),
                );
                Some(i)
            }
            None => {
                self.tambah(
                    T::Galat,
                    "INDIKATOR_TIDAK_DIKENAL",
                    asal.sumber(nama.sel),
                    format!(
                        "indikator '{}' tidak ada di lembar IKU; tulis namanya sama dengan di lembar IKU",
                        nama.isi
                    ),
                );
                None
            }
        }
    }
}

/// Joins the kinerja sheets, the PK and the tree. `None` when no kinerja sheet was given.
pub fn susun(
    lembar: &[LembarKinerja],
    pk: &[Pk],
    pohon: Option<&Pohon>,
    tahun: Option<i32>,
) -> (Option<Kinerja>, Vec<Temuan>) {
    if lembar.is_empty() {
        return (None, Vec::new());
    }
    let mut p = Penyusun { temuan: Vec::new() };
    // The report year: the realisasi's or the caller's, else the PK's, else the last year
    // the Tahunan sheet has a realisasi for.
    let tahun = tahun
        .or_else(|| pk.iter().find_map(|x| x.tahun))
        .or_else(|| {
            lembar
                .iter()
                .filter_map(|l| match &l.bagian {
                    BagianKinerja::Tahunan(v) => v
                        .iter()
                        .filter(|b| b.realisasi.is_some())
                        .map(|b| b.tahun)
                        .max(),
                    _ => None,
                })
                .max()
        });
    let mut kinerja = Kinerja {
        tahun,
        ..Kinerja::default()
    };

    // IKU first: the other sheets refer to it.
    let mut indikator: Vec<Indikator> = Vec::new();
    let mut sudah: HashMap<String, usize> = HashMap::new();
    for l in lembar {
        let BagianKinerja::Iku(v) = &l.bagian else {
            continue;
        };
        for iku in v {
            let kunci = nama::normal(&iku.indikator.isi);
            if let Some(lain) = sudah.get(&kunci).map(|&i| &indikator[i]) {
                p.tambah(
                    T::Peringatan,
                    "INDIKATOR_GANDA",
                    l.asal.sumber(iku.indikator.sel),
                    format!(
                        "indikator '{}' sudah ada di {} › {}; baris ini dilewati",
                        iku.indikator.isi, lain.asal.lembar, lain.iku.indikator.sel
                    ),
                );
                continue;
            }
            sudah.insert(kunci, indikator.len());
            indikator.push(Indikator {
                asal: l.asal.clone(),
                iku: iku.clone(),
                nama: iku.indikator.isi.clone(),
                sasaran: iku
                    .sasaran
                    .as_ref()
                    .map(|s| s.isi.clone())
                    .unwrap_or_default(),
                satuan: iku
                    .satuan
                    .as_ref()
                    .map(|s| s.isi.clone())
                    .unwrap_or_default(),
                target: None,
                realisasi: None,
                tahunan: BTreeMap::new(),
                triwulan: [Pasangan::default(); 4],
            });
        }
    }
    let nama_iku: Vec<(Asal, String)> = indikator
        .iter()
        .map(|x| (x.asal.clone(), x.iku.indikator.isi.clone()))
        .collect();
    let daftar_iku = Daftar::baru(nama_iku.iter().map(|(_, n)| n.as_str()));

    for l in lembar {
        match &l.bagian {
            BagianKinerja::Tahunan(v) => {
                for b in v {
                    let Some(i) = p.iku_untuk(&l.asal, &b.indikator, &nama_iku, &daftar_iku) else {
                        continue;
                    };
                    let baru = Pasangan {
                        target: b.target.map(|u| u.ukuran),
                        realisasi: b.realisasi.map(|u| u.ukuran),
                    };
                    if indikator[i].tahunan.insert(b.tahun, baru).is_some() {
                        p.tambah(
                            T::Galat,
                            "BARIS_GANDA",
                            l.asal.sumber(b.indikator.sel),
                            format!(
                                "tahun {} untuk indikator '{}' tertulis dua kali; baris ini yang dipakai, hapus yang lain",
                                b.tahun, b.indikator.isi
                            ),
                        );
                    }
                }
            }
            BagianKinerja::Triwulan(v) => {
                for b in v {
                    let Some(i) = p.iku_untuk(&l.asal, &b.indikator, &nama_iku, &daftar_iku) else {
                        continue;
                    };
                    let tw = &mut indikator[i].triwulan
                        [usize::from(b.triwulan.saturating_sub(1)).min(3)];
                    if tw.target.is_some() || tw.realisasi.is_some() {
                        p.tambah(
                            T::Galat,
                            "BARIS_GANDA",
                            l.asal.sumber(b.indikator.sel),
                            format!(
                                "triwulan {} untuk indikator '{}' tertulis dua kali; baris ini yang dipakai, hapus yang lain",
                                b.triwulan, b.indikator.isi
                            ),
                        );
                    }
                    *tw = Pasangan {
                        target: b.target.map(|u| u.ukuran),
                        realisasi: b.realisasi.map(|u| u.ukuran),
                    };
                }
            }
            _ => {}
        }
    }

    // The year's target and realisasi.
    let baris_pk: Vec<(&Pk, &crate::model::pk::BarisSasaran)> = pk
        .iter()
        .filter(|x| tahun.is_none() || x.tahun.is_none() || x.tahun == tahun)
        .flat_map(|x| x.sasaran.iter().map(move |s| (x, s)))
        .filter(|(_, s)| s.jenis == JenisSasaran::Strategis)
        .collect();
    let daftar_pk = Daftar::baru(baris_pk.iter().map(|(_, s)| s.indikator.isi.as_str()));
    for ind in &mut indikator {
        let tahunan = tahun
            .and_then(|t| ind.tahunan.get(&t))
            .copied()
            .unwrap_or_default();
        let tw_akhir = |f: fn(&Pasangan) -> Option<Ukuran>| ind.triwulan.iter().rev().find_map(f);
        let cocok = daftar_pk.cari(&ind.iku.indikator.isi);
        let dari_pk = cocok.and_then(|(j, m)| {
            let (x, s) = baris_pk[j];
            ind.nama = s.indikator.isi.clone();
            if !s.sasaran.isi.is_empty() {
                ind.sasaran = s.sasaran.isi.clone();
            }
            if ind.satuan.is_empty()
                && let Some(sat) = s.satuan.as_ref().map(|t| t.isi.clone()).or_else(|| s.target.as_ref().and_then(|t| t.satuan.clone()))
            {
                ind.satuan = sat;
            }
            if m < 100 {
                p.tambah(
                    T::Info,
                    "INDIKATOR_DICOCOKKAN",
                    x.sumber(s.indikator.sel),
                    format!(
                        "indikator PK '{}' dianggap sama dengan '{}' di lembar IKU (kemiripan {m}%); tabel memakai nama di PK",
                        s.indikator.isi, ind.iku.indikator.isi
                    ),
                );
            }
            let t = s.target.as_ref()?;
            let u = match t.nilai {
                Some(a) => Ukuran::Angka(a.nilai),
                None => Ukuran::TidakDiukur,
            };
            if let (Ukuran::Angka(a), Some(Ukuran::Angka(b))) = (u, tahunan.target)
                && a != b
            {
                p.tambah(
                    T::Info,
                    "TARGET_PK_BEDA_RENSTRA",
                    x.sumber(t.sel),
                    format!(
                        "target '{}' di PK ({}) berbeda dengan target Renstra tahun {} di lembar Tahunan ({}); tabel memakai target PK",
                        ind.nama,
                        t.teks,
                        tahun.unwrap_or_default(),
                        tulis(b, b.scale())
                    ),
                );
            }
            Some((u, AsalTarget::Pk))
        });
        ind.target = dari_pk
            .or(tahunan.target.map(|u| (u, AsalTarget::Renstra)))
            .or(tw_akhir(|x| x.target).map(|u| (u, AsalTarget::Triwulan)));
        let tw_realisasi = tw_akhir(|x| x.realisasi);
        if let (Some(a), Some(b)) = (tahunan.realisasi, tw_realisasi)
            && a != b
        {
            p.tambah(
                T::Peringatan,
                "REALISASI_TAHUNAN_BEDA",
                ind.asal.sumber(ind.iku.indikator.sel),
                format!(
                    "realisasi '{}' tahun {} di lembar Tahunan ({}) berbeda dengan triwulan terakhir ({}); tabel memakai lembar Tahunan",
                    ind.nama,
                    tahun.unwrap_or_default(),
                    teks_ukuran(a),
                    teks_ukuran(b)
                ),
            );
        }
        ind.realisasi = tahunan.realisasi.or(tw_realisasi);
    }

    for ind in &indikator {
        if let Some(t) = persen_tersimpan_pecahan(ind) {
            p.tambah(
                T::Peringatan,
                "PERSEN_EXCEL",
                ind.asal.sumber(ind.iku.indikator.sel),
                t,
            );
        }
    }

    // Sasaran in the order of the IKU.
    let mut sasaran: Vec<Sasaran> = Vec::new();
    let mut letak_sasaran: HashMap<String, usize> = HashMap::new();
    for (i, ind) in indikator.iter().enumerate() {
        let kunci = ind
            .iku
            .sasaran
            .as_ref()
            .map_or(String::new(), |s| nama::normal(&s.isi));
        match letak_sasaran.get(&kunci) {
            Some(&j) => sasaran[j].isi.indikator.push(i),
            None => {
                letak_sasaran.insert(kunci, sasaran.len());
                sasaran.push(Sasaran {
                    tertulis: ind
                        .iku
                        .sasaran
                        .as_ref()
                        .map(|s| s.isi.clone())
                        .unwrap_or_default(),
                    isi: SasaranKinerja {
                        nama: ind.sasaran.clone(),
                        indikator: vec![i],
                        program: Vec::new(),
                    },
                })
            }
        }
    }

    let mut peta: Vec<(&Asal, &BarisPeta)> = Vec::new();
    for l in lembar {
        if let BagianKinerja::Peta(v) = &l.bagian {
            peta.extend(v.iter().map(|b| (&l.asal, b)));
        }
    }
    kinerja.ada_peta = !peta.is_empty();
    if let Some(pohon) = pohon {
        p.petakan(pohon, &peta, &mut sasaran);
        kinerja.program = p.program_kinerja(pohon, lembar, &mut kinerja.indikator_simpul);
    } else if !peta.is_empty() {
        p.tambah(
            T::Peringatan,
            "TANPA_REALISASI",
            peta[0].0.sumber(""),
            "peta anggaran tidak dapat dipakai tanpa buku kerja realisasi: sertakan realisasinya untuk Tabel 15 dan 17".to_string(),
        );
    }
    kinerja.indikator = indikator;
    kinerja.sasaran = sasaran.into_iter().map(|s| s.isi).collect();
    (Some(kinerja), p.temuan)
}

/// An indikator in % with a value of at most 1 beside values of 10 or more: most likely
/// `100%` typed into a cell Excel formats as a percentage, which stores 1. Read as written
/// (1), so the user is told.
fn persen_tersimpan_pecahan(ind: &Indikator) -> Option<String> {
    let satuan = nama::normal(&ind.satuan);
    if !(ind.satuan.contains('%') || satuan.contains("persentase")) {
        return None;
    }
    let semua: Vec<rust_decimal::Decimal> = ind
        .tahunan
        .values()
        .chain(ind.triwulan.iter())
        .flat_map(|x| [x.target, x.realisasi])
        .chain([ind.target.map(|(u, _)| u), ind.realisasi])
        .flatten()
        .filter_map(Ukuran::angka)
        .collect();
    let besar = semua.iter().any(|d| *d >= rust_decimal::Decimal::TEN);
    let kecil = semua
        .iter()
        .find(|d| !d.is_zero() && d.abs() <= rust_decimal::Decimal::ONE)?;
    besar.then(|| {
        format!(
            "indikator '{}' bersatuan % memuat nilai {} di samping nilai 10 ke atas: mungkin ditulis 100% di sel berformat persen Excel (tersimpan 1). Tulis angkanya (100), lalu ulangi",
            ind.nama,
            tulis(*kecil, kecil.scale())
        )
    })
}

/// A sasaran while it is being built: its name as the IKU writes it.
struct Sasaran {
    tertulis: String,
    isi: SasaranKinerja,
}

impl Penyusun {
    /// Resolves the Peta Anggaran rows to program nodes of the tree, and checks that the
    /// sasaran together cover the whole pagu once.
    fn petakan(&mut self, pohon: &Pohon, peta: &[(&Asal, &BarisPeta)], sasaran: &mut [Sasaran]) {
        let unit = pohon.unit_tiap_simpul();
        let program: Vec<usize> = (0..pohon.simpul.len())
            .filter(|&i| pohon.simpul[i].tingkat == Some(Tingkat::Program))
            .collect();
        let indeks = Indeks::baru(pohon, &[Tingkat::Program]);
        let daftar_sasaran = Daftar::baru(sasaran.iter().map(|s| s.tertulis.as_str()));
        let mut milik: BTreeMap<usize, usize> = BTreeMap::new();
        for (asal, b) in peta {
            let Some((s, m)) = daftar_sasaran.cari(&b.sasaran.isi) else {
                self.tambah(
                    T::Galat,
                    "SASARAN_TIDAK_DIKENAL",
                    asal.sumber(b.sasaran.sel),
                    format!(
                        "sasaran '{}' tidak ada di lembar IKU; tulis namanya sama dengan di lembar IKU",
                        b.sasaran.isi
                    ),
                );
                continue;
            };
            if m < 100 {
                self.tambah(
                    T::Info,
                    "SASARAN_DICOCOKKAN",
                    asal.sumber(b.sasaran.sel),
                    format!(
                        "sasaran '{}' dianggap sama dengan '{}' di lembar IKU (kemiripan {m}%)",
                        b.sasaran.isi, sasaran[s].tertulis
                    ),
                );
            }
            let cocok: Vec<usize> = indeks
                .cari(&b.program.isi)
                .into_iter()
                .filter(|&i| {
                    b.unit
                        .as_ref()
                        .is_none_or(|u| unit[i].is_some_and(|un| unit_cocok(&u.isi, pohon, un)))
                })
                .collect();
            if cocok.is_empty() {
                self.tambah(
                    T::Galat,
                    "PROGRAM_TIDAK_ADA",
                    asal.sumber(b.program.sel),
                    format!(
                        "program '{}'{} tidak ada di buku kerja realisasi; tulis kode atau namanya seperti di realisasi",
                        b.program.isi,
                        b.unit.as_ref().map(|u| format!(" di unit '{}'", u.isi)).unwrap_or_default()
                    ),
                );
            }
            for i in cocok {
                match milik.get(&i) {
                    Some(&lain) if lain != s => self.tambah(
                        T::Peringatan,
                        "PROGRAM_DUA_SASARAN",
                        asal.sumber(b.program.sel),
                        format!(
                            "program '{}' sudah dipetakan ke sasaran '{}'; anggarannya dihitung sekali, untuk sasaran itu",
                            pohon.simpul[i].uraian, sasaran[lain].tertulis
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        milik.insert(i, s);
                        sasaran[s].isi.program.push(i);
                    }
                }
            }
        }
        if peta.is_empty() {
            return;
        }
        let tanpa: Vec<usize> = program
            .iter()
            .copied()
            .filter(|i| !milik.contains_key(i))
            .collect();
        let pagu = |i: usize| pohon.simpul[i].hitung.pagu.ok().unwrap_or_default();
        let tanpa_pagu: Vec<usize> = tanpa
            .iter()
            .copied()
            .filter(|&i| !pagu(i).is_zero())
            .collect();
        if !tanpa_pagu.is_empty() {
            let jumlah = angka::jumlah(tanpa_pagu.iter().map(|&i| pagu(i))).unwrap_or_default();
            let nama: Vec<String> = tanpa_pagu
                .iter()
                .take(5)
                .map(|&i| {
                    let un = unit[i]
                        .map(|u| pohon.simpul[u].uraian.clone())
                        .unwrap_or_default();
                    format!("{} ({un})", pohon.simpul[i].uraian)
                })
                .collect();
            self.tambah(
                T::Peringatan,
                "ANGGARAN_TANPA_SASARAN",
                peta[0].0.sumber(""),
                format!(
                    "{} program berpagu Rp {} tidak dipetakan ke sasaran mana pun, jadi Tabel 15 tidak mencakup seluruh pagu: {}{}",
                    tanpa_pagu.len(),
                    angka::tulis_rupiah(jumlah),
                    nama.join("; "),
                    if tanpa_pagu.len() > 5 { "; …" } else { "" }
                ),
            );
        }
    }

    /// The Program sheet's rows, each placed at its node of the tree where it has one.
    fn program_kinerja(
        &mut self,
        pohon: &Pohon,
        lembar: &[LembarKinerja],
        simpul: &mut BTreeMap<usize, Vec<usize>>,
    ) -> Vec<(Asal, crate::model::kinerja::BarisProgramKinerja)> {
        let unit = pohon.unit_tiap_simpul();
        let indeks = Indeks::baru(
            pohon,
            &[Tingkat::Program, Tingkat::Kegiatan, Tingkat::SubKegiatan],
        );
        let mut hasil = Vec::new();
        for l in lembar {
            let BagianKinerja::Program(v) = &l.bagian else {
                continue;
            };
            let mut terakhir: Option<usize> = None;
            for b in v {
                let j = hasil.len();
                hasil.push((l.asal.clone(), b.clone()));
                let kunci = b.kode.as_ref().or(b.uraian.as_ref());
                let Some(kunci) = kunci else {
                    // One more indikator of the row above.
                    if let Some(i) = terakhir {
                        simpul.entry(i).or_default().push(j);
                    }
                    continue;
                };
                let cocok: Vec<usize> = indeks
                    .cari(&kunci.isi)
                    .into_iter()
                    .filter(|&i| {
                        b.unit
                            .as_ref()
                            .is_none_or(|u| unit[i].is_some_and(|un| unit_cocok(&u.isi, pohon, un)))
                    })
                    .filter(|i| !simpul.contains_key(i) || terakhir == Some(*i))
                    .collect();
                match cocok.first() {
                    Some(&i) => {
                        simpul.entry(i).or_default().push(j);
                        terakhir = Some(i);
                    }
                    None => {
                        terakhir = None;
                        self.tambah(
                            T::Peringatan,
                            "INDIKATOR_TANPA_ANGGARAN",
                            l.asal.sumber(kunci.sel),
                            format!(
                                "'{}'{} tidak ada di buku kerja realisasi, jadi indikatornya tidak tampil di Tabel 17; tulis kode atau namanya seperti di realisasi",
                                kunci.isi,
                                b.unit.as_ref().map(|u| format!(" (unit '{}')", u.isi)).unwrap_or_default()
                            ),
                        );
                    }
                }
            }
        }
        hasil
    }
}
