//! Checks of typed Tabel 11, 13, 14 and 15: every number that follows from others in its
//! row, and the tables against each other (the same indikator's target and realisasi in
//! Tabel 11, 13, 14 and 15). A number is compared at the precision it was written with; a
//! convention the tool also knows (the change in points, the efisiensi as a ratio) is info
//! naming the convention, not galat. Polarity comes from the kinerja workbook's IKU when
//! one is given, else it is `naik` (higher is better); said once per table.
#![deny(clippy::arithmetic_side_effects)]

use crate::angka::{self, Angka, sama_pada_presisi, tulis};
use crate::compute::kinerja::{self, Polaritas};
use crate::model::Pohon;
use crate::model::kinerja::{Kinerja, Ukuran};
use crate::model::pk::Pk;
use crate::model::tabel::{KolomKetik as K, SelKetik, TabelKetik, Tertulis};
use crate::nama::Daftar;
use crate::temuan::{Temuan, Tingkat};
use rust_decimal::Decimal;

fn angka_di(s: Option<&SelKetik>) -> Option<Angka> {
    match s?.nilai? {
        Tertulis::Angka(a) => Some(a),
        _ => None,
    }
}

fn teks_hasil(d: Decimal) -> String {
    tulis(angka::bulat(d, 2), 2)
}

struct Pemeriksa<'a> {
    t: &'a TabelKetik,
    temuan: Vec<Temuan>,
    /// Tabel 15: each row's anggaran and realisasi from the realisasi workbook, through the
    /// kinerja workbook's Peta Anggaran, where both were given.
    tepat: Vec<Option<(Decimal, Decimal)>>,
    /// Each row's polarity: the kinerja workbook's for its indikator, else `naik`.
    polaritas: Vec<Polaritas>,
}

impl Pemeriksa<'_> {
    fn galat(&mut self, s: &SelKetik, kode: &'static str, pesan: String, seharusnya: String) {
        self.temuan.push(
            Temuan::baru(Tingkat::Galat, kode, self.t.asal.sumber(s.sel), pesan)
                .dengan_nilai(s.teks.clone(), seharusnya),
        );
    }

    fn info(&mut self, s: &SelKetik, kode: &'static str, pesan: String) {
        self.temuan.push(Temuan::baru(
            Tingkat::Info,
            kode,
            self.t.asal.sumber(s.sel),
            pesan,
        ));
    }

    /// The indikator of row `i`: its own cell, else (Tabel 12's triwulan rows under a
    /// merged indikator) the nearest one above.
    fn nama_baris(&self, i: usize) -> String {
        (0..=i)
            .rev()
            .find_map(|j| self.t.sel(j, K::Indikator))
            .map_or_else(
                || format!("baris {}", i.saturating_add(1)),
                |s| format!("'{}'", s.teks),
            )
    }

    /// A percentage that follows from two cells of its row: stated `hasil` against
    /// `hitung` (`None`: cannot be computed, so the cell must say n/a or -).
    fn persen(
        &mut self,
        hasil: Option<&SelKetik>,
        hitung: Result<Decimal, kinerja::TakTerhitung>,
        apa: &str,
        cara: String,
    ) {
        let Some(h) = hasil else { return };
        match (h.nilai, hitung) {
            (Some(Tertulis::Angka(a)), Ok(d)) if sama_pada_presisi(a, d) => {}
            (Some(Tertulis::Angka(_)), Ok(d))
            | (Some(Tertulis::TidakDiukur | Tertulis::Strip) | None, Ok(d)) => {
                self.galat(
                    h,
                    "TABEL_PERSEN_SALAH",
                    format!(
                        "{apa} tertulis {}, padahal {cara} = {}",
                        h.teks,
                        teks_hasil(d)
                    ),
                    teks_hasil(d),
                );
            }
            (Some(Tertulis::Angka(_)), Err(e)) => self.galat(
                h,
                "TABEL_TIDAK_TERHITUNG",
                format!(
                    "{apa} tertulis {}, padahal tidak dapat dihitung: {}",
                    h.teks,
                    e.alasan()
                ),
                "n/a".to_string(),
            ),
            _ => {}
        }
    }
}

/// The formula a capaian follows, with the row's numbers.
fn rumus_capaian(p: Polaritas, t: Option<Angka>, r: Option<Angka>) -> String {
    let teks = |x: Option<Angka>| x.map_or("n/a".into(), |a| tulis(a.nilai, a.desimal));
    let (t, r) = (teks(t), teks(r));
    match p {
        Polaritas::Naik => format!("realisasi ÷ target × 100 = {r} ÷ {t} × 100"),
        Polaritas::Turun => format!(
            "(2 × target − realisasi) ÷ target × 100 (polaritas turun) = (2 × {t} − {r}) ÷ {t} × 100"
        ),
    }
}

/// Each row's polarity, by its indikator (the nearest named one above, for Tabel 12's
/// triwulan rows) in the kinerja workbook's IKU; `naik` where there is none.
fn polaritas_baris(p: &Pemeriksa, kinerja: Option<&Kinerja>) -> Vec<Polaritas> {
    let daftar = kinerja.map(|k| {
        (
            k,
            Daftar::baru(k.indikator.iter().map(|x| x.iku.indikator.isi.as_str())),
        )
    });
    let mut hasil = Vec::with_capacity(p.t.baris.len());
    let mut terakhir = Polaritas::Naik;
    for i in 0..p.t.baris.len() {
        if let Some(nama) = p.t.sel(i, K::Indikator) {
            terakhir = daftar
                .as_ref()
                .and_then(|(k, d)| {
                    d.cari(&nama.teks)
                        .map(|(j, _)| k.indikator[j].iku.polaritas)
                })
                .unwrap_or(Polaritas::Naik);
        }
        hasil.push(terakhir);
    }
    hasil
}

/// Capaian of a row from its target and realisasi cells.
fn capaian(
    polaritas: Polaritas,
    t: Option<Angka>,
    r: Option<Angka>,
) -> Result<Decimal, kinerja::TakTerhitung> {
    match (t, r) {
        (Some(t), Some(r)) => kinerja::capaian(polaritas, t.nilai, r.nilai),
        _ => Err(kinerja::TakTerhitung::TidakDiukur),
    }
}

fn periksa_satu(t: &TabelKetik, kinerja: Option<&Kinerja>, pohon: Option<&Pohon>) -> Vec<Temuan> {
    let mut p = Pemeriksa {
        t,
        temuan: Vec::new(),
        tepat: anggaran_tepat(t, kinerja.zip(pohon)),
        polaritas: Vec::new(),
    };
    p.polaritas = polaritas_baris(&p, kinerja);
    if t.nomor == 18 {
        periksa_18(&mut p, pohon);
        return p.temuan;
    }
    if t.nomor == 17 {
        periksa_unit_17(&mut p);
        if let Some(pohon) = pohon {
            periksa_17_dengan_19(&mut p, pohon);
        }
    }
    for i in 0..t.baris.len() {
        // Tabel 17's unit rows carry amounts, not an indikator.
        if t.nomor == 17 && t.sel(i, K::Indikator).is_none() {
            continue;
        }
        let nama = p.nama_baris(i);
        match t.nomor {
            11 | 12 | 15 | 17 => {
                let (tg, re) = (
                    angka_di(t.sel(i, K::Target)),
                    angka_di(t.sel(i, K::Realisasi)),
                );
                p.persen(
                    t.sel(i, K::Capaian),
                    capaian(p.polaritas[i], tg, re),
                    &format!("% capaian {nama}"),
                    rumus_capaian(p.polaritas[i], tg, re),
                );
                if t.nomor == 15 {
                    periksa_serapan(&mut p, i, &nama);
                }
            }
            14 => {
                let (tg, re) = (
                    angka_di(t.sel(i, K::TargetAkhir)),
                    angka_di(t.sel(i, K::Realisasi)),
                );
                p.persen(
                    t.sel(i, K::Capaian),
                    capaian(p.polaritas[i], tg, re),
                    &format!("persentase capaian Renstra {nama}"),
                    format!(
                        "{} (realisasi s.d. tahun ini terhadap target akhir)",
                        rumus_capaian(p.polaritas[i], tg, re)
                    ),
                );
            }
            13 => periksa_perubahan(&mut p, i, &nama),
            _ => {}
        }
    }
    p.temuan
}

/// Tabel 13: the change of the last year against the one before, relative; the change in
/// points is accepted and named.
fn periksa_perubahan(p: &mut Pemeriksa, i: usize, nama: &str) {
    let t = p.t;
    let mut tahun: Vec<i32> = t
        .kolom
        .iter()
        .filter_map(|k| match k {
            K::RealisasiTahun(y) => Some(*y),
            _ => None,
        })
        .collect();
    tahun.sort_unstable();
    let [.., lalu, ini] = tahun[..] else { return };
    let (a, b) = (
        angka_di(t.sel(i, K::RealisasiTahun(lalu))),
        angka_di(t.sel(i, K::RealisasiTahun(ini))),
    );
    let Some(h) = t.sel(i, K::Perubahan) else {
        return;
    };
    let hitung = match (a, b) {
        (Some(a), Some(b)) => kinerja::perubahan(b.nilai, a.nilai),
        _ => Err(kinerja::TakTerhitung::TidakDiukur),
    };
    if let (Some(Tertulis::Angka(x)), Some(a), Some(b)) = (h.nilai, a, b)
        && let Ok(poin) = kinerja::selisih_poin(b.nilai, a.nilai)
        && sama_pada_presisi(x, poin)
        && !hitung.is_ok_and(|d| sama_pada_presisi(x, d))
    {
        p.info(
            h,
            "TABEL_PERUBAHAN_POIN",
            format!(
                "perubahan {nama} tertulis {} sebagai selisih poin ({ini} − {lalu}), bukan persentase relatif ({})",
                h.teks,
                hitung.map_or("n/a".into(), teks_hasil)
            ),
        );
        return;
    }
    p.persen(
        Some(h),
        hitung,
        &format!("% peningkatan/penurunan {nama} tahun {ini}"),
        format!(
            "(realisasi {ini} − realisasi {lalu}) ÷ realisasi {lalu} × 100 = ({} − {}) ÷ {} × 100",
            b.map_or("n/a".into(), |x| tulis(x.nilai, x.desimal)),
            a.map_or("n/a".into(), |x| tulis(x.nilai, x.desimal)),
            a.map_or("n/a".into(), |x| tulis(x.nilai, x.desimal)),
        ),
    );
}

/// Tabel 15: serapan = realisasi anggaran ÷ anggaran × 100, efisiensi = % capaian − %
/// serapan (the ratio is accepted and named). When the realisasi equals the anggaran to the
/// rupiah but the stated serapan and efisiensi agree with each other, the realisasi is the
/// cell that is wrong (copied from the anggaran column).
fn periksa_serapan(p: &mut Pemeriksa, i: usize, nama: &str) {
    let t = p.t;
    let (ang, rea) = (
        angka_di(t.sel(i, K::Anggaran)),
        angka_di(t.sel(i, K::RealisasiAnggaran)),
    );
    let tepat = p.tepat.get(i).copied().flatten();
    if let Some((pagu, _)) = tepat
        && let (Some(a), Some(s)) = (ang, t.sel(i, K::Anggaran))
        && a.nilai != pagu
    {
        p.galat(
            s,
            "TABEL_ANGGARAN_BEDA",
            format!(
                "anggaran sasaran {nama} tertulis {}, padahal program yang mendanainya (lembar Peta Anggaran) berpagu {} di realisasi anggaran",
                s.teks,
                tulis(pagu, 0)
            ),
            tulis(pagu, 0),
        );
    }
    let serapan_sel = t.sel(i, K::Serapan);
    let serapan_tertulis = angka_di(serapan_sel);
    let capaian_tertulis = angka_di(t.sel(i, K::Capaian));
    let efisiensi_sel = t.sel(i, K::Efisiensi);
    let efisiensi_tertulis = angka_di(efisiensi_sel);
    let hitung = match (ang, rea) {
        (Some(a), Some(r)) => kinerja::serapan(a.nilai, r.nilai),
        _ => Err(kinerja::TakTerhitung::TidakDiukur),
    };
    let serapan_cocok = match (serapan_tertulis, hitung) {
        (Some(s), Ok(d)) => sama_pada_presisi(s, d),
        _ => true,
    };
    // Efisiensi from the two stated percentages.
    let efisiensi_sejalan = match (capaian_tertulis, serapan_tertulis, efisiensi_tertulis) {
        (Some(c), Some(s), Some(e)) => {
            angka::kurang(c.nilai, s.nilai).is_ok_and(|d| sama_pada_presisi(e, d))
        }
        _ => false,
    };
    if !serapan_cocok
        && let (Some(a), Some(r), Some(s), Some(sel_r)) =
            (ang, rea, serapan_tertulis, t.sel(i, K::RealisasiAnggaran))
        && a.nilai == r.nilai
    {
        let kira = angka::bulat(
            angka::bagi(
                angka::kali(a.nilai, s.nilai).unwrap_or_default(),
                Decimal::ONE_HUNDRED,
            )
            .unwrap_or_default(),
            0,
        );
        let efisiensi = match efisiensi_tertulis {
            Some(e) if efisiensi_sejalan => format!(
                " dan efisiensi {} = % capaian − % serapan sejalan dengannya",
                tulis(e.nilai, e.desimal)
            ),
            _ => String::new(),
        };
        let awal = format!(
            "realisasi anggaran {nama} tertulis {}, sama persis dengan anggarannya (tersalin dari kolom anggaran?), padahal serapan tertulis {}{efisiensi}",
            sel_r.teks,
            tulis(s.nilai, s.desimal),
        );
        let (pesan, seharusnya) = match tepat {
            Some((_, r)) => (
                format!(
                    "{awal}; program yang mendanai sasarannya (lembar Peta Anggaran) terealisasi {} di realisasi anggaran",
                    tulis(r, 0)
                ),
                tulis(r, 0),
            ),
            None => (
                format!(
                    "{awal}; realisasinya sekitar {} % × {} ≈ {} (angka pastinya ada di realisasi anggaran)",
                    tulis(s.nilai, s.desimal),
                    tulis(a.nilai, 0),
                    tulis(kira, 0)
                ),
                format!("≈ {}", tulis(kira, 0)),
            ),
        };
        p.galat(sel_r, "TABEL_REALISASI_TERSALIN", pesan, seharusnya);
    } else {
        if let (Some((_, r)), Some(x), Some(sel_r)) = (tepat, rea, t.sel(i, K::RealisasiAnggaran))
            && x.nilai != r
        {
            p.galat(
                sel_r,
                "TABEL_REALISASI_BEDA",
                format!(
                    "realisasi anggaran sasaran {nama} tertulis {}, padahal program yang mendanainya (lembar Peta Anggaran) terealisasi {} di realisasi anggaran",
                    sel_r.teks,
                    tulis(r, 0)
                ),
                tulis(r, 0),
            );
        }
        p.persen(
            serapan_sel,
            hitung,
            &format!("% serapan anggaran {nama}"),
            format!(
                "realisasi ÷ anggaran × 100 = {} ÷ {} × 100",
                rea.map_or("n/a".into(), |x| tulis(x.nilai, 0)),
                ang.map_or("n/a".into(), |x| tulis(x.nilai, 0))
            ),
        );
    }
    // Efisiensi against the stated capaian and serapan, as the table shows them.
    let Some(e) = efisiensi_sel else { return };
    let selisih = match (capaian_tertulis, serapan_tertulis) {
        (Some(c), Some(s)) => {
            angka::kurang(c.nilai, s.nilai).map_err(|_| kinerja::TakTerhitung::Luap)
        }
        _ => Err(kinerja::TakTerhitung::TidakDiukur),
    };
    if let (Some(Tertulis::Angka(x)), Some(c), Some(s)) =
        (e.nilai, capaian_tertulis, serapan_tertulis)
        && !selisih.is_ok_and(|d| sama_pada_presisi(x, d))
        && kinerja::serapan(s.nilai, c.nilai).is_ok_and(|d| sama_pada_presisi(x, d))
    {
        p.info(
            e,
            "TABEL_EFISIENSI_RASIO",
            format!(
                "tingkat efisiensi {nama} tertulis {} sebagai rasio % capaian ÷ % serapan × 100",
                e.teks
            ),
        );
        return;
    }
    p.persen(
        Some(e),
        selisih,
        &format!("tingkat efisiensi {nama}"),
        "% capaian − % serapan".to_string(),
    );
}

/// Tabel 17: each unit row's anggaran and realisasi are the sum of the program rows under it
/// (to the next unit row); the first unit row may instead be the whole organisation, the sum
/// of every program of every unit (seed 001 writes the kecamatan so, 30.177.653.595).
fn periksa_unit_17(p: &mut Pemeriksa) {
    let t = p.t;
    let uraian = |i: usize| {
        t.sel(i, K::Uraian)
            .map(|s| s.teks.clone())
            .unwrap_or_default()
    };
    let program = |i: usize| uraian(i).to_lowercase().starts_with("program");
    let unit = |i: usize| {
        let u = uraian(i);
        !u.is_empty()
            && t.sel(i, K::Indikator).is_none()
            && angka_di(t.sel(i, K::Anggaran)).is_some()
            && !u.to_lowercase().starts_with("program")
            && u.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let baris_unit: Vec<usize> = (0..t.baris.len()).filter(|&i| unit(i)).collect();
    let jumlah = |kolom: K, rentang: std::ops::Range<usize>| -> Option<Decimal> {
        rentang
            .filter(|&i| program(i))
            .map(|i| match t.sel(i, kolom).and_then(|s| s.nilai) {
                Some(Tertulis::Angka(a)) => Some(a.nilai),
                // `-` in an amount column is 0 (seed 001 writes Belimbing's empty program so).
                Some(Tertulis::Strip) | None => Some(Decimal::ZERO),
                Some(Tertulis::TidakDiukur) => None,
            })
            .try_fold(Decimal::ZERO, |a, x| angka::tambah(a, x?).ok())
    };
    for (n, &u) in baris_unit.iter().enumerate() {
        let akhir = baris_unit
            .get(n.saturating_add(1))
            .copied()
            .unwrap_or(t.baris.len());
        for (kolom, apa) in [
            (K::Anggaran, "anggaran"),
            (K::RealisasiAnggaran, "realisasi"),
        ] {
            let Some(s) = t.sel(u, kolom) else { continue };
            let Some(tertulis) = angka_di(Some(s)) else {
                continue;
            };
            let (Some(sendiri), Some(semua)) = (
                jumlah(kolom, u.saturating_add(1)..akhir),
                jumlah(kolom, u.saturating_add(1)..t.baris.len()),
            ) else {
                continue;
            };
            let cocok = tertulis.nilai == sendiri || (n == 0 && tertulis.nilai == semua);
            if cocok {
                continue;
            }
            // The first unit row names the organisation: say the whole when its own
            // programs do not add up to it either.
            let (seharusnya, dari) = if n == 0 && baris_unit.len() > 1 {
                (semua, "semua program semua unit di bawahnya")
            } else {
                (sendiri, "program-program di bawahnya")
            };
            p.galat(
                s,
                "TABEL_JUMLAH_UNIT",
                format!(
                    "{apa} unit '{}' tertulis {}, padahal jumlah {dari} {}",
                    uraian(u),
                    s.teks,
                    tulis(seharusnya, 0)
                ),
                tulis(seharusnya, 0),
            );
        }
    }
}

/// Tabel 17's rows against the realisasi tree (Tabel 19, typed or exported): the program of
/// the same name in the unit above it, and each kegiatan and sub kegiatan of the same name
/// under that program (taken in order, so a kegiatan and its sub kegiatan of one name are
/// told apart, and rows Tabel 17 leaves out are passed over), have the same pagu and
/// realisasi.
fn periksa_17_dengan_19(p: &mut Pemeriksa, pohon: &Pohon) {
    use crate::kode::Tingkat;
    let t = p.t;
    let unit_pohon = pohon.unit_tiap_simpul();
    let unit: Vec<usize> = (0..pohon.simpul.len())
        .filter(|&i| {
            matches!(
                pohon.simpul[i].tingkat,
                Some(Tingkat::Organisasi | Tingkat::SubUnit)
            )
        })
        .collect();
    // Programs by (unit, normalised name), made once.
    let mut program: std::collections::HashMap<(usize, String), usize> =
        std::collections::HashMap::new();
    for (j, s) in pohon.simpul.iter().enumerate() {
        if s.tingkat == Some(Tingkat::Program)
            && let Some(un) = unit_pohon[j]
        {
            program
                .entry((un, crate::nama::normal(&s.uraian)))
                .or_insert(j);
        }
    }
    // Each program's kegiatan and sub kegiatan, in document order.
    let mut turunan: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for (j, _) in pohon.urut() {
        let mut atas = pohon.simpul[j].induk;
        while let Some(a) = atas {
            if pohon.simpul[a].tingkat == Some(Tingkat::Program) {
                turunan.entry(a).or_default().push(j);
                break;
            }
            atas = pohon.simpul[a].induk;
        }
    }
    let mut unit_kini: Option<usize> = None;
    // The program above the row, and how far through its kegiatan the rows have come.
    let mut program_kini: Option<(usize, usize)> = None;
    for i in 0..t.baris.len() {
        let Some(u) = t.sel(i, K::Uraian) else {
            continue;
        };
        let tanpa_indikator = t.sel(i, K::Indikator).is_none();
        let huruf_besar = u
            .teks
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if tanpa_indikator && huruf_besar && !u.teks.to_lowercase().starts_with("program") {
            unit_kini = unit
                .iter()
                .copied()
                .find(|&x| super::kinerja::unit_cocok(&u.teks, pohon, x));
            program_kini = None;
            continue;
        }
        let node = if u.teks.to_lowercase().starts_with("program") {
            let Some(un) = unit_kini else { continue };
            let node = program.get(&(un, crate::nama::normal(&u.teks))).copied();
            program_kini = node.map(|n| (n, 0));
            let Some(node) = node else { continue };
            node
        } else {
            let Some((prog, dari)) = program_kini else {
                continue;
            };
            let calon = turunan.get(&prog).map_or(&[][..], Vec::as_slice);
            let nama = crate::nama::normal(&u.teks);
            // Looked for among the next rows of the program only: a program with thousands of
            // sub kegiatan is not compared with each for every row.
            let Some(k) = calon.iter().skip(dari).take(200).position(|&j| {
                crate::nama::normal(&pohon.simpul[j].uraian) == nama
                    || crate::nama::kemiripan(&u.teks, &pohon.simpul[j].uraian) >= 90
            }) else {
                continue;
            };
            let k = dari.saturating_add(k);
            program_kini = Some((prog, k.saturating_add(1)));
            calon[k]
        };
        let un = unit_pohon[node].unwrap_or(node);
        let h = pohon.simpul[node].hitung;
        for (kolom, nilai, apa) in [
            (K::Anggaran, h.pagu, "anggaran"),
            (K::RealisasiAnggaran, h.realisasi, "realisasi"),
        ] {
            let (Some(s), Ok(n)) = (t.sel(i, kolom), nilai) else {
                continue;
            };
            let tertulis = match s.nilai {
                Some(Tertulis::Angka(a)) => a.nilai,
                Some(Tertulis::Strip) => Decimal::ZERO,
                _ => continue,
            };
            if tertulis != n {
                // A realisasi equal to its row's anggaran was copied from the wrong column.
                let tersalin = kolom == K::RealisasiAnggaran
                    && angka_di(t.sel(i, K::Anggaran)).is_some_and(|a| a.nilai == tertulis);
                p.galat(
                    s,
                    "TABEL_TIDAK_SAMA",
                    format!(
                        "{apa} '{}' ({}) di Tabel 17 tertulis {}, di realisasi anggaran (Tabel 19) {}{}",
                        u.teks,
                        pohon.simpul[un].uraian,
                        s.teks,
                        tulis(n, 0),
                        if tersalin {
                            "; angka tertulis sama dengan anggarannya (tersalin dari kolom anggaran?)"
                        } else {
                            ""
                        }
                    ),
                    tulis(n, 0),
                );
            }
        }
    }
}

/// Tabel 18: sisa lebih = anggaran − realisasi of its Jumlah row, and that row is Tabel 19's
/// JUMLAH (the realisasi workbook's total) when one is given.
fn periksa_18(p: &mut Pemeriksa, pohon: Option<&Pohon>) {
    let t = p.t;
    let label = |i: usize| {
        t.sel(i, K::Uraian)
            .map(|s| crate::nama::normal(&s.teks))
            .unwrap_or_default()
    };
    let Some(j) = (0..t.baris.len()).find(|&i| label(i) == "jumlah") else {
        return;
    };
    let (a, r) = (
        angka_di(t.sel(j, K::Anggaran)),
        angka_di(t.sel(j, K::RealisasiAnggaran)),
    );
    if let Some(pohon) = pohon {
        let akar = pohon.akar().hitung;
        for (kolom, nilai, apa) in [
            (K::Anggaran, akar.pagu, "anggaran"),
            (K::RealisasiAnggaran, akar.realisasi, "realisasi"),
        ] {
            if let (Some(s), Ok(n)) = (t.sel(j, kolom), nilai)
                && angka_di(Some(s)).is_some_and(|x| x.nilai != n)
            {
                p.galat(
                    s,
                    "TABEL_TIDAK_SAMA",
                    format!(
                        "{apa} Jumlah Tabel 18 tertulis {}, padahal JUMLAH realisasi anggaran (Tabel 19) {}",
                        s.teks,
                        tulis(n, 2)
                    ),
                    tulis(n, 2),
                );
            }
        }
    }
    let Some(i) = (0..t.baris.len()).find(|&i| label(i).starts_with("sisa")) else {
        return;
    };
    let sisa = t
        .sel(i, K::RealisasiAnggaran)
        .filter(|s| angka_di(Some(s)).is_some())
        .or_else(|| t.sel(i, K::Anggaran));
    if let (Some(s), Some(a), Some(r)) = (sisa, a, r)
        && let Ok(hitung) = angka::kurang(a.nilai, r.nilai)
        && angka_di(Some(s)).is_some_and(|x| !sama_pada_presisi(x, hitung))
    {
        p.galat(
            s,
            "TABEL_SISA_SALAH",
            format!(
                "sisa lebih tertulis {}, padahal anggaran − realisasi = {} − {} = {}",
                s.teks,
                tulis(a.nilai, 2),
                tulis(r.nilai, 2),
                tulis(hitung, 2)
            ),
            tulis(hitung, 2),
        );
    }
}

/// Tabel 15's rows' anggaran and realisasi from the tree, by indikator → sasaran → its
/// programs (the kinerja workbook's Peta Anggaran).
fn anggaran_tepat(
    t: &TabelKetik,
    acuan: Option<(&Kinerja, &Pohon)>,
) -> Vec<Option<(Decimal, Decimal)>> {
    let Some((k, pohon)) = acuan.filter(|(k, _)| t.nomor == 15 && k.ada_peta) else {
        return Vec::new();
    };
    let daftar = Daftar::baru(k.indikator.iter().map(|x| x.iku.indikator.isi.as_str()));
    (0..t.baris.len())
        .map(|i| {
            let nama = t.sel(i, K::Indikator)?;
            let (j, _) = daftar.cari(&nama.teks)?;
            let s = k.sasaran.iter().find(|s| s.indikator.contains(&j))?;
            let (pagu, realisasi) = kinerja::anggaran_program(pohon, &s.program);
            Some((pagu.ok()?, realisasi.ok()?))
        })
        .collect()
}

/// Tabel 11 against the documents it was typed from, when they are given: each indikator's
/// target against the signed PK's, and its realisasi against the kinerja data's (the
/// kinerja workbook or the Renja form).
fn periksa_11_dengan_sumber(t: &TabelKetik, pk: &[Pk], kinerja: Option<&Kinerja>) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    let sasaran_pk: Vec<(&Pk, &crate::model::pk::BarisSasaran)> = pk
        .iter()
        .flat_map(|p| p.sasaran.iter().map(move |s| (p, s)))
        .collect();
    let daftar_pk = Daftar::baru(sasaran_pk.iter().map(|(_, s)| s.indikator.isi.as_str()));
    let daftar_kinerja = kinerja.map(|k| Daftar::baru(k.indikator.iter().map(|x| x.nama.as_str())));
    // Copied numbers, not computed ones: compared exactly (87 is not the PK's 87,4).
    let beda_nilai = |s: &SelKetik, acuan: Decimal| matches!(s.nilai, Some(Tertulis::Angka(a)) if a.nilai != acuan);
    for i in 0..t.baris.len() {
        let Some(nama) = t.sel(i, K::Indikator) else {
            continue;
        };
        if let Some(target) = t.sel(i, K::Target)
            && let Some((j, _)) = daftar_pk.cari(&nama.teks)
            && let (p, s) = sasaran_pk[j]
            && let Some(acuan) = s.target.as_ref().and_then(|x| x.nilai.map(|a| (x, a)))
            && beda_nilai(target, acuan.1.nilai)
        {
            temuan.push(
                Temuan::baru(
                    Tingkat::Galat,
                    "TABEL_BEDA_PK",
                    t.asal.sumber(target.sel),
                    format!(
                        "target '{}' di Tabel 11 tertulis {}, padahal Perjanjian Kinerja ({} › {} › {}) menyebut {}",
                        nama.teks, target.teks, p.berkas, p.lembar, acuan.0.sel, acuan.0.teks
                    ),
                )
                .dengan_nilai(target.teks.clone(), acuan.0.teks.clone()),
            );
        }
        if let (Some(k), Some(d)) = (kinerja, &daftar_kinerja)
            && let Some(realisasi) = t.sel(i, K::Realisasi)
            && let Some((j, _)) = d.cari(&nama.teks)
        {
            let ind = &k.indikator[j];
            let acuan = ind.realisasi;
            let salah = match (acuan, realisasi.nilai) {
                (Some(Ukuran::Angka(x)), _) => beda_nilai(realisasi, x),
                (Some(Ukuran::TidakDiukur), Some(Tertulis::Angka(_))) => true,
                _ => false,
            };
            if salah {
                let tertulis = match acuan {
                    Some(Ukuran::Angka(x)) => tulis(x, 2),
                    _ => "n/a".to_string(),
                };
                temuan.push(
                    Temuan::baru(
                        Tingkat::Galat,
                        "TABEL_BEDA_KINERJA",
                        t.asal.sumber(realisasi.sel),
                        format!(
                            "realisasi '{}' di Tabel 11 tertulis {}, padahal data kinerja ({} › {}) menyebut {tertulis}",
                            nama.teks, realisasi.teks, ind.asal.berkas, ind.asal.lembar
                        ),
                    )
                    .dengan_nilai(realisasi.teks.clone(), tertulis),
                );
            }
        }
    }
    temuan
}

/// Whether two cells state different numbers (a number against n/a is different).
fn beda(a: &SelKetik, b: &SelKetik) -> bool {
    match (a.nilai, b.nilai) {
        (Some(Tertulis::Angka(x)), Some(Tertulis::Angka(y))) => x.nilai != y.nilai,
        (Some(Tertulis::Angka(_)), Some(_)) | (Some(_), Some(Tertulis::Angka(_))) => true,
        _ => false,
    }
}

fn tidak_sama(
    t: &TabelKetik,
    t11: &TabelKetik,
    s: &SelKetik,
    s11: &SelKetik,
    apa: &str,
    nama: &str,
) -> Temuan {
    Temuan::baru(
        Tingkat::Galat,
        "TABEL_TIDAK_SAMA",
        t.asal.sumber(s.sel),
        format!(
            "{apa} '{nama}' di Tabel {} tertulis {}, di Tabel 11 ({} › {}) {}",
            t.nomor, s.teks, t11.asal.lembar, s11.sel, s11.teks
        ),
    )
    .dengan_nilai(s.teks.clone(), s11.teks.clone())
}

/// Tabel 11 against 12, 13, 14 and 15: the same indikator's target and realisasi of the year.
fn periksa_antar(tabel: &[TabelKetik]) -> Vec<Temuan> {
    let mut temuan = Vec::new();
    let Some(t11) = tabel.iter().find(|t| t.nomor == 11) else {
        return temuan;
    };
    let nama11: Vec<String> = (0..t11.baris.len())
        .map(|i| {
            t11.sel(i, K::Indikator)
                .map(|s| s.teks.clone())
                .unwrap_or_default()
        })
        .collect();
    let daftar = Daftar::baru(nama11.iter().map(String::as_str));
    // Tabel 12: each indikator's yearly target, and its last measured triwulan's realisasi
    // (the year's, for an indikator measured to date), against Tabel 11.
    for t in tabel.iter().filter(|t| t.nomor == 12) {
        let mut awal: Vec<usize> = (0..t.baris.len())
            .filter(|&i| t.sel(i, K::Indikator).is_some())
            .collect();
        awal.push(t.baris.len());
        for w in awal.windows(2) {
            let (i0, i1) = (w[0], w[1]);
            let Some(nama) = t.sel(i0, K::Indikator) else {
                continue;
            };
            let Some((j, _)) = daftar.cari(&nama.teks) else {
                continue;
            };
            let terakhir = (i0..i1)
                .rev()
                .find_map(|i| t.sel(i, K::Realisasi).filter(|s| s.nilai.is_some()));
            for (s, s11, apa) in [
                (
                    t.sel(i0, K::TargetTahunan),
                    t11.sel(j, K::Target),
                    "target tahunan",
                ),
                (
                    terakhir,
                    t11.sel(j, K::Realisasi),
                    "realisasi triwulan terakhir",
                ),
            ] {
                let (Some(s), Some(s11)) = (s, s11) else {
                    continue;
                };
                if beda(s, s11) {
                    temuan.push(tidak_sama(t, t11, s, s11, apa, &nama.teks));
                }
            }
        }
    }
    for t in tabel.iter().filter(|t| matches!(t.nomor, 13..=15)) {
        let tahun_akhir = t
            .kolom
            .iter()
            .filter_map(|k| match k {
                K::RealisasiTahun(y) => Some(*y),
                _ => None,
            })
            .max();
        let pasangan: Vec<(K, K)> = match t.nomor {
            13 => tahun_akhir
                .map(|y| vec![(K::RealisasiTahun(y), K::Realisasi)])
                .unwrap_or_default(),
            15 => vec![(K::Target, K::Target), (K::Realisasi, K::Realisasi)],
            _ => Vec::new(),
        };
        for i in 0..t.baris.len() {
            let Some(nama) = t.sel(i, K::Indikator) else {
                continue;
            };
            let Some((j, _)) = daftar.cari(&nama.teks) else {
                continue;
            };
            for &(di_sini, di_11) in &pasangan {
                let (Some(s), Some(s11)) = (t.sel(i, di_sini), t11.sel(j, di_11)) else {
                    continue;
                };
                if beda(s, s11) {
                    let apa = if di_11 == K::Target {
                        "target"
                    } else {
                        "realisasi"
                    };
                    temuan.push(tidak_sama(t, t11, s, s11, apa, &nama.teks));
                }
            }
        }
    }
    temuan
}

/// Checks every typed table, each on its own and against Tabel 11, and Tabel 15 against the
/// realisasi workbook when a kinerja workbook maps its sasaran to programs.
pub fn periksa(
    tabel: &[TabelKetik],
    kinerja: Option<&Kinerja>,
    pohon: Option<&Pohon>,
    pk: &[Pk],
) -> Vec<Temuan> {
    let mut temuan: Vec<Temuan> = tabel
        .iter()
        .flat_map(|t| periksa_satu(t, kinerja, pohon))
        .collect();
    for t in tabel.iter().filter(|t| t.nomor == 11) {
        temuan.extend(periksa_11_dengan_sumber(t, pk, kinerja));
    }
    let polaritas = if kinerja.is_some() {
        "% capaian dihitung dengan polaritas tiap indikator dari lembar IKU buku kerja kinerja; indikator yang tidak ada di sana dianggap naik (realisasi ÷ target × 100)"
    } else {
        "% capaian dihitung dengan polaritas naik (realisasi ÷ target × 100) untuk setiap indikator; sertakan buku kerja kinerja untuk polaritas per indikator"
    };
    for t in tabel
        .iter()
        .filter(|t| matches!(t.nomor, 11 | 12 | 14 | 15))
    {
        temuan.push(Temuan::baru(
            Tingkat::Info,
            "TABEL_POLARITAS",
            t.asal.sumber(crate::model::Alamat { r: t.r_judul, c: 0 }),
            format!("Tabel {}: {polaritas}", t.nomor),
        ));
    }
    temuan.extend(periksa_antar(tabel));
    temuan
}
