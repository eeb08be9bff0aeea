//! The DPA's indikator as the targets of Tabel 17 (issue 10, item 5): Keluaran is the sub
//! kegiatan's, Hasil its kegiatan's, Capaian Program its program's. Where the kinerja
//! workbook (or Renja form) gives the same indikator, its target is compared with the
//! DPA's (`DPA_BEDA_TARGET`) and the table shows the DPA's; where it gives none for the
//! node, the DPA's indikator become the node's rows, with no realisasi (said as info).
#![deny(clippy::arithmetic_side_effects)]

use crate::angka::tulis;
use crate::kode::Tingkat;
use crate::model::Pohon;
use crate::model::dpa::{Dpa, IndikatorDpa, JenisIndikator};
use crate::model::kinerja::{Asal, BarisProgramKinerja, Kinerja, Ukur, Ukuran};
use crate::model::pk::Teks;
use crate::nama;
use crate::temuan::{Temuan, Tingkat as T};
use std::collections::HashSet;

/// Whether two indikator names are the same one: spelled alike (case, spacing and
/// punctuation aside) or alike by words.
fn sama_indikator(a: &str, b: &str) -> bool {
    nama::normal(a) == nama::normal(b) || nama::kemiripan(a, b) >= 80
}

/// The node an indikator of this kind belongs to, from the sub kegiatan's node up.
fn simpul_untuk(pohon: &Pohon, sub: usize, jenis: JenisIndikator) -> Option<usize> {
    let mau = match jenis {
        JenisIndikator::Keluaran => Tingkat::SubKegiatan,
        JenisIndikator::Hasil => Tingkat::Kegiatan,
        JenisIndikator::CapaianProgram => Tingkat::Program,
        JenisIndikator::Masukan => return None,
    };
    let mut i = Some(sub);
    while let Some(j) = i {
        if pohon.simpul[j].tingkat == Some(mau) {
            return Some(j);
        }
        i = pohon.simpul[j].induk;
    }
    None
}

/// A DPA indikator that names something: not blank, not `-`.
fn berisi(ind: &IndikatorDpa) -> bool {
    let t = ind.tolok_ukur.isi.trim();
    !t.is_empty() && t != "-"
}

/// Joins the chosen DPA's indikator into the kinerja data for Tabel 17.
pub fn gabungkan(k: &mut Kinerja, pohon: &Pohon, dpa: &[&Dpa]) -> Vec<Temuan> {
    let unit = pohon.unit_tiap_simpul();
    let per_kode = pohon.simpul_per_kode();
    // Nodes whose rows came from the kinerja inputs, fixed before any DPA row is added.
    let dari_kinerja: HashSet<usize> = k.indikator_simpul.keys().copied().collect();
    let mut sudah: HashSet<(usize, String)> = HashSet::new();
    let mut temuan = Vec::new();
    for d in dpa {
        let [sub] = super::dpa::simpul_dpa(d, pohon, &per_kode, &unit)[..] else {
            continue;
        };
        for ind in d.indikator.iter().filter(|i| berisi(i)) {
            let Some(i) = simpul_untuk(pohon, sub, ind.jenis) else {
                continue;
            };
            // A program's Capaian Program is in every DPA under it: joined once.
            if !sudah.insert((i, nama::normal(&ind.tolok_ukur.isi))) {
                continue;
            }
            let target = ind.target_angka.map(|x| Ukur {
                ukuran: Ukuran::Angka(x),
                sel: ind.target.as_ref().map_or(ind.tolok_ukur.sel, |t| t.sel),
            });
            if dari_kinerja.contains(&i) {
                temuan.extend(bandingkan(k, pohon, i, d, ind, target));
                continue;
            }
            let j = k.program.len();
            k.program.push((
                d.asal.clone(),
                BarisProgramKinerja {
                    r: ind.tolok_ukur.sel.r,
                    unit: None,
                    kode: None,
                    uraian: None,
                    indikator: ind.tolok_ukur.clone(),
                    permendagri: None,
                    target,
                    satuan: ind.satuan.clone().map(|s| Teks {
                        isi: s,
                        sel: ind.tolok_ukur.sel,
                    }),
                    realisasi: None,
                    satuan_realisasi: None,
                    penanggung_jawab: None,
                },
            ));
            k.indikator_simpul.entry(i).or_default().push(j);
            temuan.push(Temuan::baru(
                T::Info,
                "DPA_INDIKATOR_DIPAKAI",
                d.asal.sumber(ind.tolok_ukur.sel),
                format!(
                    "Tabel 17, {} {}: indikator '{}' ({}) dan targetnya {} diambil dari DPA, karena masukan kinerja tidak memuat indikatornya; realisasinya kosong",
                    pohon.simpul[i].kode.as_ref().map_or("", |x| x.teks.as_str()),
                    pohon.simpul[i].uraian,
                    ind.tolok_ukur.isi,
                    ind.jenis.nama(),
                    ind.target.as_ref().map_or("-", |t| t.isi.as_str()),
                ),
            ));
        }
    }
    temuan
}

/// A DPA indikator against the node's rows from the kinerja inputs: the row of the same
/// indikator takes the DPA's target, and a different target is a peringatan.
fn bandingkan(
    k: &mut Kinerja,
    pohon: &Pohon,
    i: usize,
    d: &Dpa,
    ind: &IndikatorDpa,
    target: Option<Ukur>,
) -> Option<Temuan> {
    let baris = k.indikator_simpul.get(&i)?.clone();
    let j = baris
        .into_iter()
        .find(|&j| sama_indikator(&k.program[j].1.indikator.isi, &ind.tolok_ukur.isi))?;
    let target = target?;
    let (asal, b): &mut (Asal, BarisProgramKinerja) = k.program.get_mut(j)?;
    let lama = b.target.map(|u| u.ukuran);
    if lama == Some(target.ukuran) {
        return None;
    }
    let tertulis = match lama {
        Some(Ukuran::Angka(x)) => tulis(x, x.scale()),
        Some(Ukuran::TidakDiukur) => "n/a".to_string(),
        None => "kosong".to_string(),
    };
    let dpa_teks = ind.target.as_ref().map_or(String::new(), |t| t.isi.clone());
    let di_kinerja = b
        .target
        .map(|u| asal.sumber(u.sel).to_string())
        .unwrap_or_else(|| asal.sumber("").to_string());
    b.target = Some(target);
    Some(Temuan::baru(
        T::Peringatan,
        "DPA_BEDA_TARGET",
        d.asal.sumber(target.sel),
        format!(
            "target indikator '{}' ({} {}) di DPA {dpa_teks}, di masukan kinerja {tertulis} ({di_kinerja}); Tabel 17 memakai target DPA",
            ind.tolok_ukur.isi,
            pohon.simpul[i]
                .kode
                .as_ref()
                .map_or("", |x| x.teks.as_str()),
            pohon.simpul[i].uraian,
        ),
    ))
}
