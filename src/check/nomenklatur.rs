//! Codes and names against the nomenclature of program, kegiatan and sub kegiatan
//! ([`crate::nomenklatur`]): a DPA's codes must exist and carry their own names, and a
//! 2-digit sub kegiatan code (TA 2022 and before) has a 4-digit successor. The same list
//! completes what the kinerja inputs leave out: Tabel 17's column "Indikator Kinerja …
//! PERMENDAGRI" for a sub kegiatan without one. Every completion is an info that names the
//! rule used, so nothing inferred passes for something written.
//!
//! Levels: a name that differs from its code's is a peringatan, not a galat. The embedded
//! list is the nomenclature as updated for TA 2025, and a DPA of an earlier year rightly
//! carries the names of its own year; the user decides with the list's text beside it.

use crate::kode::Kode;
use crate::model::Pohon;
use crate::model::dpa::{Berkode, Dpa};
use crate::model::kinerja::Kinerja;
use crate::nomenklatur::{AturanPenerus, JenisPemda, Kecocokan, Nomenklatur};
use crate::temuan::{Temuan, Tingkat as T};
use std::collections::BTreeMap;

/// The first budget year of 4-digit sub kegiatan codes (Kepmendagri 050-5889/2021 applied
/// from TA 2023).
const TAHUN_EMPAT_DIGIT: i32 = 2023;

/// The pemda kind a code is for: its lone digit where it says so, else kabupaten/kota with
/// provinsi as the fallback (a program code is in both lists).
fn jenis_untuk(kode: &str, lain: &[&str]) -> Vec<JenisPemda> {
    if let Some(j) = std::iter::once(kode)
        .chain(lain.iter().copied())
        .find_map(JenisPemda::dari_kode)
    {
        return vec![j];
    }
    vec![JenisPemda::KabupatenKota, JenisPemda::Provinsi]
}

/// Whether a sub kegiatan code has the 2-digit last part of TA 2022 and before.
fn dua_digit(k: &Kode) -> bool {
    k.bagian().count() == 6 && k.bagian().next_back().is_some_and(|b| b.len() <= 2)
}

/// Every DPA's program, kegiatan and sub kegiatan against the list.
pub fn periksa_dpa(dpa: &[Dpa], nom: &Nomenklatur) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    let mut polos: indexmap::IndexMap<(String, String), Vec<Temuan>> = indexmap::IndexMap::new();
    // A rekap names one program or kegiatan cell for many sub kegiatan: checked once.
    let mut sudah = std::collections::HashSet::new();
    for d in dpa {
        let petunjuk: Vec<&str> = [&d.sub_kegiatan, &d.kegiatan]
            .into_iter()
            .flatten()
            .filter_map(|b| b.kode.as_ref().map(|k| k.teks.as_str()))
            .collect();
        for (tingkat, b) in [
            ("program", &d.program),
            ("kegiatan", &d.kegiatan),
            ("sub kegiatan", &d.sub_kegiatan),
        ] {
            let Some(b) = b else { continue };
            let Some(k) = &b.kode else { continue };
            if !sudah.insert((&d.asal.berkas, &d.asal.lembar, b.sel, &k.teks)) {
                continue;
            }
            match periksa_berkode(d, tingkat, b, k, &petunjuk, nom) {
                Some((t, true)) => polos
                    .entry((d.asal.berkas.clone(), d.asal.lembar.clone()))
                    .or_default()
                    .push(t),
                Some((t, false)) => temuan.push(t),
                None => {}
            }
        }
    }
    // A 2-digit code right for its year whose successor is the same number widened says
    // nothing per code: one info per sheet, with the first as example.
    for (_, mut v) in polos {
        if v.len() == 1 {
            temuan.append(&mut v);
            continue;
        }
        let n = v.len();
        let mut t = v.swap_remove(0);
        t.pesan = format!(
            "{n} kode sub kegiatan berformat 2 digit, sah untuk tahunnya; padanannya di nomenklatur bernomor sama dalam 4 digit, mis. {}",
            t.pesan
        );
        temuan.push(t);
    }
    temuan
}

fn periksa_berkode(
    d: &Dpa,
    tingkat: &str,
    b: &Berkode,
    k: &Kode,
    petunjuk: &[&str],
    nom: &Nomenklatur,
) -> Option<(Temuan, bool)> {
    let lokasi = d.asal.sumber(b.sel);
    let jenis = jenis_untuk(&k.teks, petunjuk);
    let nama = b.nama.trim();
    // The code is in the list: its name must be the one written.
    if let Some(p) = jenis
        .iter()
        .find_map(|&j| nom.periksa_nama(j, &k.teks, nama))
    {
        return match p.kecocokan {
            Kecocokan::Sama => None,
            _ if nama.is_empty() => None,
            kecocokan => {
                let milik = p
                    .milik
                    .as_ref()
                    .and_then(|m| m.temu.first())
                    .filter(|t| t.kode != p.temu.kode)
                    .map(|t| format!("; nama itu milik kode {} di nomenklatur", t.kode))
                    .unwrap_or_default();
                Some((
                    Temuan::baru(
                        if kecocokan.cocok() { T::Info } else { T::Peringatan },
                        "DPA_NAMA_NOMENKLATUR",
                        lokasi,
                        format!(
                            "nama {tingkat} {} tidak sama dengan nomenklatur ({}): tertulis '{nama}', di nomenklatur '{}'{milik} ({})",
                            k.teks,
                            kecocokan.keterangan(),
                            p.temu.nama(),
                            nom.asal()
                        ),
                    )
                    .dengan_nilai(nama.to_string(), p.temu.nama().to_string()),
                    false,
                ))
            }
        };
    }
    // A sub kegiatan code of an earlier nomenclature: its successor.
    if tingkat == "sub kegiatan"
        && let Some(p) = jenis
            .iter()
            .find_map(|&j| nom.penerus(j, &k.teks, Some(nama)))
    {
        let lama = dua_digit(k);
        // An export without its year (flat, SIPD-RI, anggaran kas) is given the benefit of
        // the doubt: a 2-digit code is right for TA 2022 and before.
        let sah = lama && d.tahun.is_none_or(|t| t < TAHUN_EMPAT_DIGIT);
        let beda_nama = match p.kecocokan {
            Some(c) if !matches!(c, Kecocokan::Sama) => {
                format!("; namanya di nomenklatur '{}'", p.temu.nama())
            }
            _ => String::new(),
        };
        let t = Temuan::baru(
            if sah { T::Info } else { T::Peringatan },
            "DPA_KODE_LAMA",
            lokasi,
            if sah {
                format!(
                    "kode sub kegiatan {} berformat 2 digit, sah {}; padanannya di nomenklatur: {}{beda_nama}",
                    k.teks,
                    d.tahun.map_or_else(
                        || "sampai TA 2022 (tahun dokumen tidak tertulis)".to_string(),
                        |t| format!("untuk TA {t}")
                    ),
                    p.keterangan(&k.teks)
                )
            } else {
                format!(
                    "kode sub kegiatan {} sudah diganti: {} {}; {}{beda_nama} ({})",
                    k.teks,
                    p.temu.kode,
                    p.temu.nama(),
                    p.keterangan(&k.teks),
                    nom.asal()
                )
            },
        );
        let polos = sah && p.aturan == AturanPenerus::Pelebaran && beda_nama.is_empty();
        // A code right for its year is not corrected, only given its equivalent.
        return Some(if sah {
            (t, polos)
        } else {
            (t.dengan_nilai(k.teks.clone(), p.temu.kode.clone()), false)
        });
    }
    Some((
        Temuan::baru(
            T::Peringatan,
            "DPA_KODE_TIDAK_ADA",
            lokasi,
            format!(
                "kode {tingkat} {} ({nama}) tidak ada di nomenklatur ({}); periksa kodenya, atau beri nomenklatur yang lebih baru dengan --nomenklatur BERKAS",
                k.teks,
                nom.asal()
            ),
        ),
        false,
    ))
}

/// Tabel 17's PERMENDAGRI column for the sub kegiatan the kinerja inputs give none for: the
/// nomenclature's indikator of the sub kegiatan's code (through its successor for a 2-digit
/// code). A sub kegiatan one of whose Program rows already gives a PERMENDAGRI indikator is
/// left as it is: the list has one indikator per sub kegiatan, and its other rows are other
/// indikator. Returns node → indikator, and one info per node filled.
pub fn lengkapi_permendagri(
    k: &Kinerja,
    pohon: &Pohon,
    nom: &Nomenklatur,
    lokasi: &dyn Fn(usize) -> crate::model::Sumber,
) -> (BTreeMap<usize, String>, Vec<Temuan>) {
    let mut isi = BTreeMap::new();
    let mut temuan = Vec::new();
    for (i, s) in pohon.simpul.iter().enumerate() {
        if s.tingkat != Some(crate::kode::Tingkat::SubKegiatan) {
            continue;
        }
        let Some(kode) = &s.kode else { continue };
        let baris = k.indikator_simpul.get(&i).map_or(&[][..], Vec::as_slice);
        if let Some(j) = baris
            .iter()
            .copied()
            .find(|&j| k.program[j].1.permendagri.is_some())
        {
            temuan.extend(periksa_permendagri(k, pohon, nom, i, j));
            continue;
        }
        let Some((indikator, satuan, kode_baku, aturan)) =
            indikator_nomenklatur(kode, &s.uraian, nom)
        else {
            continue;
        };
        temuan.push(Temuan::baru(
            T::Info,
            "PERMENDAGRI_DARI_NOMENKLATUR",
            lokasi(i),
            format!(
                "Tabel 17, sub kegiatan {} {}: kolom indikator PERMENDAGRI diisi dari nomenklatur: '{indikator}' (satuan {satuan}), indikator sub kegiatan {kode_baku}{aturan} ({})",
                kode.teks,
                s.uraian,
                nom.asal()
            ),
        ));
        isi.insert(i, indikator);
    }
    (isi, temuan)
}

/// Whether two indikator texts are one: alike once case, spacing and punctuation are set
/// aside, or one the other cut short (a PDF table cell), or alike by most of their words.
fn indikator_sama(a: &str, b: &str) -> bool {
    let (x, y) = (crate::nama::normal(a), crate::nama::normal(b));
    !x.is_empty() && (x == y || y.starts_with(&x) || x.starts_with(&y))
        || crate::nama::kemiripan(a, b) >= 80
}

/// A PERMENDAGRI indikator written for a sub kegiatan that is not its own in the list but is
/// another sub kegiatan's of the same program: a text copied from the wrong row
/// (`PERMENDAGRI_BARIS_LAIN`, peringatan at the cell). Texts that are simply worded otherwise
/// are left alone: the list is of a later year.
fn periksa_permendagri(
    k: &Kinerja,
    pohon: &Pohon,
    nom: &Nomenklatur,
    i: usize,
    j: usize,
) -> Option<Temuan> {
    let (asal, b) = &k.program[j];
    let tertulis = b.permendagri.as_ref()?;
    let s = &pohon.simpul[i];
    let (milik, _, _, _) = indikator_nomenklatur(s.kode.as_ref()?, &s.uraian, nom)?;
    if indikator_sama(&tertulis.isi, &milik) {
        return None;
    }
    // The program above, and its other sub kegiatan.
    let mut p = s.induk;
    while let Some(x) = p {
        if pohon.simpul[x].tingkat == Some(crate::kode::Tingkat::Program) {
            break;
        }
        p = pohon.simpul[x].induk;
    }
    let program = p?;
    let lain = pohon.simpul.iter().enumerate().find_map(|(n, t)| {
        if n == i || t.tingkat != Some(crate::kode::Tingkat::SubKegiatan) {
            return None;
        }
        let mut q = t.induk;
        while let Some(x) = q {
            if x == program {
                let (ind, _, _, _) = indikator_nomenklatur(t.kode.as_ref()?, &t.uraian, nom)?;
                return indikator_sama(&tertulis.isi, &ind).then_some((t, ind));
            }
            q = pohon.simpul[x].induk;
        }
        None
    })?;
    Some(
        Temuan::baru(
            T::Peringatan,
            "PERMENDAGRI_BARIS_LAIN",
            asal.sumber(tertulis.sel),
            format!(
                "indikator PERMENDAGRI sub kegiatan {} {} tertulis '{}', yaitu indikator sub kegiatan {} {} di nomenklatur; indikatornya sendiri '{milik}' ({})",
                s.kode.as_ref().map_or("", |x| x.teks.as_str()),
                s.uraian,
                tertulis.isi,
                lain.0.kode.as_ref().map_or("", |x| x.teks.as_str()),
                lain.0.uraian,
                nom.asal()
            ),
        )
        .dengan_nilai(tertulis.isi.clone(), milik),
    )
}

/// The list's indikator of a sub kegiatan code: the code's own row, else its successor's.
/// Also the satuan, the code the row has, and the rule in words (empty for the code's own
/// row).
fn indikator_nomenklatur(
    kode: &Kode,
    nama: &str,
    nom: &Nomenklatur,
) -> Option<(String, String, String, String)> {
    for j in jenis_untuk(&kode.teks, &[]) {
        if let Some(t) = nom.cari(j, &kode.teks)
            && let Some(kel) = t.keluaran()
            && !kel.indikator.trim().is_empty()
        {
            return Some((
                kel.indikator.clone(),
                kel.satuan.clone(),
                t.kode.clone(),
                String::new(),
            ));
        }
        if let Some(p) = nom.penerus(j, &kode.teks, Some(nama))
            && p.kecocokan.is_none_or(Kecocokan::cocok)
            && let Some(kel) = p.temu.keluaran()
            && !kel.indikator.trim().is_empty()
        {
            return Some((
                kel.indikator.clone(),
                kel.satuan.clone(),
                p.temu.kode.clone(),
                format!("; {}", p.keterangan(&kode.teks)),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kode_dua_digit_dikenali() {
        assert!(dua_digit(&Kode::baca("7.01.01.2.01.01").unwrap()));
        assert!(!dua_digit(&Kode::baca("7.01.01.2.01.0001").unwrap()));
        assert!(!dua_digit(&Kode::baca("7.01.01.2.01").unwrap()));
    }

    #[test]
    fn indikator_terpotong_dianggap_sama() {
        // Seed 001 Tabel 17 line 717's text is the start of list line 7670's indikator.
        let penuh = "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan Laporan Keuangan Akhir Tahun SKPD";
        let potong =
            "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan";
        assert!(indikator_sama(potong, penuh));
        assert!(!indikator_sama(
            potong,
            "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"
        ));
        assert!(!indikator_sama("", penuh));
    }

    #[test]
    fn jenis_pemda_dari_digit_kegiatan() {
        assert_eq!(
            jenis_untuk("7.01.01.2.01.01", &[]),
            vec![JenisPemda::KabupatenKota]
        );
        assert_eq!(
            jenis_untuk("7.01.01", &["7.01.01.1.01"]),
            vec![JenisPemda::Provinsi]
        );
        assert_eq!(jenis_untuk("7.01.01", &[]).len(), 2);
    }
}
