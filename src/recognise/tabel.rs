//! Tables staff typed by hand: Tabel 11 to 15 of an LKjIP as they are typed, one
//! or several on a sheet, each found by its title (`Tabel 13 Membandingkan …`, with or
//! without its number, typos such as `Evisiensi` included) and read under its header row.
//! Cells keep the precision they were written with (`99,17%`, `-1,73%`, `3.809.732.516`,
//! `n/a`, `-`), so that `check::tabel` compares each stated number at that precision.

use crate::angka::{self, JenisAngka};
use crate::model::Alamat;
use crate::model::kinerja::Asal;
use crate::model::tabel::{KolomKetik, SelKetik, TabelKetik, Tertulis};
use crate::sheet::{Baris, Grid, Isi, rapikan};

/// The table a title names: by its number (`Tabel 15 : Evisiensi …`), else by its words.
pub fn nomor_judul(teks: &str) -> Option<u32> {
    let l = rapikan(teks).to_lowercase();
    if let Some(sisa) = l.strip_prefix("tabel") {
        let angka: String = sisa
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = angka.parse::<u32>() {
            return ((11..=15).contains(&n) || n == 17 || n == 18).then_some(n);
        }
    }
    let ada = |k: &str| l.contains(k);
    if !(l.starts_with("tabel") || l.len() < 160) {
        return None;
    }
    if ada("target akhir renstra") || ada("jangka menengah") {
        Some(14)
    } else if ada("pengukuran kinerja") && ada("triwulan") {
        Some(12)
    } else if ada("membandingkan realisasi kinerja") {
        Some(13)
    } else if (ada("efisiensi") || ada("evisiensi")) && ada("sumber daya") {
        Some(15)
    } else if ada("capaian kinerja tahun") && l.starts_with("tabel") {
        Some(11)
    } else {
        None
    }
}

/// A row that is a title: one text cell (the rest empty) naming a table.
fn judul_di(b: &Baris) -> Option<u32> {
    let mut teks = b.sel.iter().filter(|i| !i.kosong());
    let pertama = teks.next()?;
    if teks.next().is_some() {
        return None;
    }
    nomor_judul(pertama.teks()?)
}

/// Whether the first rows of a sheet hold a typed Tabel 11–15 title.
pub fn tampak_tabel(grid: &Grid) -> bool {
    grid.baris.iter().take(40).any(|b| judul_di(b).is_some())
}

/// The column a header text names, given the columns to its left.
fn kolom(label: &str, kiri: &[Option<KolomKetik>]) -> Option<KolomKetik> {
    let l = rapikan(label).to_lowercase();
    let l = l.trim();
    let ada_kiri = |k: KolomKetik| kiri.contains(&Some(k));
    let tahun = || -> Option<i32> {
        let d: String = l.chars().filter(char::is_ascii_digit).collect();
        (d.len() == 4).then(|| d.parse().ok()).flatten()
    };
    Some(if matches!(l, "no" | "no." | "nomor") {
        KolomKetik::Nomor
    } else if l.starts_with("sasaran") {
        KolomKetik::Sasaran
    } else if l.starts_with("indikator") {
        KolomKetik::Indikator
    } else if l.starts_with("satuan") || l == "sat" {
        KolomKetik::Satuan
    } else if l.starts_with("triwulan") {
        KolomKetik::Triwulan
    } else if l.starts_with("target tahunan") {
        KolomKetik::TargetTahunan
    } else if l.starts_with("target akhir") || l.contains("jangka menengah") {
        KolomKetik::TargetAkhir
    } else if l.starts_with("target") {
        KolomKetik::Target
    } else if l.contains("efisiensi") || l.contains("evisiensi") {
        KolomKetik::Efisiensi
    } else if l.contains("peningkatan") || l.contains("penurunan") {
        KolomKetik::Perubahan
    } else if l.starts_with("uraian") || l.starts_with("program") || l.starts_with("kegiatan") {
        KolomKetik::Uraian
    } else if l.starts_with("anggaran") || l.starts_with("pagu") {
        KolomKetik::Anggaran
    } else if l.starts_with("realisasi") {
        if ada_kiri(KolomKetik::Anggaran) {
            KolomKetik::RealisasiAnggaran
        } else if !l.contains("s.d")
            && !l.contains("sd")
            && let Some(t) = tahun()
        {
            KolomKetik::RealisasiTahun(t)
        } else {
            KolomKetik::Realisasi
        }
    } else if l.contains("capaian")
        || l.starts_with("prosentase")
        || l.starts_with("persentase")
        || l.starts_with("presentase")
        || l == "%"
    {
        if ada_kiri(KolomKetik::Anggaran) {
            KolomKetik::Serapan
        } else {
            KolomKetik::Capaian
        }
    } else {
        return None;
    })
}

pub(crate) fn teks_sel(isi: &Isi) -> Option<String> {
    match isi {
        Isi::Teks(t) => Some(rapikan(t)).filter(|t| !t.is_empty()),
        Isi::Angka(f) => Some(angka::teks_f64(*f)),
        Isi::GalatExcel(t) | Isi::Lain(t) => Some(t.clone()),
        _ => None,
    }
}

/// A typed number: `99,17%`, `-1,73%`, `87,00`, `3.809.732.516` (rupiah columns read dots
/// as thousands), `n/a`, `-`. `None` for a word that is no number (kept as text).
pub(crate) fn nilai(isi: &Isi, rupiah: bool) -> Option<Tertulis> {
    match isi {
        Isi::Angka(f) => angka::dari_f64(*f).ok().map(Tertulis::Angka),
        Isi::Teks(t) => {
            let t = rapikan(t);
            let l = t.to_lowercase();
            if matches!(l.as_str(), "n/a" | "na" | "n.a" | "n.a." | "#n/a") {
                return Some(Tertulis::TidakDiukur);
            }
            if matches!(l.as_str(), "-" | "–" | "—") {
                return Some(Tertulis::Strip);
            }
            let inti = l.trim_end_matches('%').trim();
            let inti = inti
                .strip_prefix("rp.")
                .or_else(|| inti.strip_prefix("rp"))
                .map_or(inti, str::trim);
            let a = if rupiah {
                angka::baca_teks(inti, JenisAngka::Rupiah).ok().flatten()
            } else {
                super::pk::angka_target(inti)
            };
            a.map(Tertulis::Angka)
        }
        _ => None,
    }
}

/// Whether a row is the rest of the row above, split by a PDF copy: only words, all in the
/// name columns (sasaran, indikator, uraian), no number and no triwulan anywhere.
fn lanjutan(kol: &[Option<KolomKetik>], sel: &[Option<SelKetik>]) -> bool {
    let mut ada = false;
    for (k, s) in kol.iter().zip(sel) {
        let Some(s) = s else { continue };
        match k {
            Some(KolomKetik::Sasaran | KolomKetik::Indikator | KolomKetik::Uraian)
                if s.nilai.is_none() =>
            {
                ada = true
            }
            _ => return false,
        }
    }
    ada
}

/// Appends a continuation row's words to the row above.
fn sambung(atas: &mut [Option<SelKetik>], bawah: Vec<Option<SelKetik>>) {
    for (a, b) in atas.iter_mut().zip(bawah) {
        let Some(b) = b else { continue };
        match a {
            Some(a) => {
                a.teks.push(' ');
                a.teks.push_str(&b.teks);
            }
            None => *a = Some(b),
        }
    }
}

/// Reads every typed table on a sheet.
pub fn kenali(grid: &Grid) -> Vec<TabelKetik> {
    let judul: Vec<(usize, u32)> = grid
        .baris
        .iter()
        .enumerate()
        .filter_map(|(i, b)| judul_di(b).map(|n| (i, n)))
        .collect();
    let mut hasil = Vec::new();
    for (j, &(i, nomor)) in judul.iter().enumerate() {
        let akhir = judul.get(j + 1).map_or(grid.baris.len(), |x| x.0);
        let Some(kepala) = grid.baris[i + 1..akhir]
            .iter()
            .find(|b| b.sel.iter().any(|x| !x.kosong()))
        else {
            continue;
        };
        let mut kol: Vec<Option<KolomKetik>> = Vec::new();
        for isi in &kepala.sel {
            let k = isi.teks().and_then(|t| kolom(t, &kol));
            kol.push(k.filter(|k| !kol.contains(&Some(*k))));
        }
        // An unnamed first column of numbers is the No (seed 001 Tabel 11).
        if kol.first() == Some(&None) {
            kol[0] = Some(KolomKetik::Nomor);
        }
        // Tabel 17's `Target Kinerja` and `Realisasi Kinerja` each head three columns
        // (merged): the value, its satuan, and the (realisasi) anggaran.
        if nomor == 17 {
            for c in 0..kol.len() {
                let anggaran = match kol[c] {
                    Some(KolomKetik::Target) => KolomKetik::Anggaran,
                    Some(KolomKetik::Realisasi) => KolomKetik::RealisasiAnggaran,
                    _ => continue,
                };
                if kol.get(c + 1) == Some(&None) && kol.get(c + 2) == Some(&None) {
                    kol[c + 1] = Some(KolomKetik::Satuan)
                        .filter(|_| !kol.contains(&Some(KolomKetik::Satuan)));
                    kol[c + 2] = Some(anggaran);
                }
            }
        }
        let teks_kepala: Vec<Option<String>> = kepala.sel.iter().map(teks_sel).collect();
        let mut baris: Vec<Vec<Option<SelKetik>>> = Vec::new();
        for b in grid.baris[i + 1..akhir].iter().filter(|b| b.r > kepala.r) {
            if super::kepala::baris_nomor_kolom(&b.sel) {
                continue;
            }
            let isi: Vec<Option<String>> = b.sel.iter().map(teks_sel).collect();
            if isi.iter().all(Option::is_none) || isi == teks_kepala {
                continue;
            }
            let sel: Vec<Option<SelKetik>> = kol
                .iter()
                .enumerate()
                .map(|(c, k)| {
                    let x = b.sel.get(c)?;
                    let teks = teks_sel(x)?;
                    k.as_ref()?;
                    let rupiah = matches!(
                        k,
                        Some(KolomKetik::Anggaran | KolomKetik::RealisasiAnggaran)
                    );
                    let n = nilai(x, rupiah);
                    // A number cell is shown the Indonesian way in messages (3.809.732.516).
                    let teks = match (x, n) {
                        (Isi::Angka(_), Some(Tertulis::Angka(a))) => {
                            angka::tulis(a.nilai, a.desimal)
                        }
                        _ => teks,
                    };
                    Some(SelKetik {
                        teks,
                        nilai: n,
                        sel: Alamat {
                            r: b.r,
                            c: c as u32,
                        },
                    })
                })
                .collect();
            if lanjutan(&kol, &sel)
                && let Some(atas) = baris.last_mut()
            {
                sambung(atas, sel);
                continue;
            }
            baris.push(sel);
        }
        let kolom_ada: Vec<KolomKetik> =
            kol.iter().map(|k| k.unwrap_or(KolomKetik::Nomor)).collect();
        hasil.push(TabelKetik {
            nomor,
            asal: Asal {
                berkas: grid.berkas.clone(),
                lembar: grid.lembar.clone(),
            },
            r_judul: grid.baris[i].r,
            kolom: kolom_ada,
            baris,
        });
    }
    hasil
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judul_seed_001_dikenali() {
        assert_eq!(nomor_judul("Tabel 11 Capaian Kinerja Tahun 2022"), Some(11));
        assert_eq!(
            nomor_judul("Tabel 15 : Evisiensi Penggunaan Sumber Daya"),
            Some(15)
        );
        assert_eq!(
            nomor_judul(
                "Membandingkan realisasi kinerja tahun 2022 dengan realisasi kinerja tahun 2021 dan tahun 2020"
            ),
            Some(13)
        );
        assert_eq!(nomor_judul("Tabel 16 Efisiensi Penggunaan Anggaran"), None);
        assert_eq!(nomor_judul("Nilai Survey Kepuasan Masyarakat"), None);
    }

    #[test]
    fn kolom_tabel_15_menurut_urutannya() {
        let judul = [
            "No",
            "Sasaran Strategis",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "Prosentase",
            "Anggaran",
            "Realisasi",
            "Prosentase",
            "Tingkat Efisiensi (%)",
        ];
        let mut kol: Vec<Option<KolomKetik>> = Vec::new();
        for j in judul {
            let k = kolom(j, &kol);
            kol.push(k);
        }
        use KolomKetik::*;
        assert_eq!(
            kol,
            [
                Nomor,
                Sasaran,
                Indikator,
                Satuan,
                Target,
                Realisasi,
                Capaian,
                Anggaran,
                RealisasiAnggaran,
                Serapan,
                Efisiensi
            ]
            .map(Some)
        );
        assert_eq!(kolom("Realisasi 2021", &[]), Some(RealisasiTahun(2021)));
        assert_eq!(kolom("Realisasi s.d. 2022", &[]), Some(Realisasi));
    }

    #[test]
    fn baris_terbelah_disambung() {
        // A PDF copy puts the end of a long indikator on a row of its own.
        let teks = |r: u32, sel: &[&str]| Baris {
            r,
            sel: sel.iter().map(|t| Isi::Teks(t.to_string())).collect(),
        };
        let grid = Grid {
            berkas: "t.xlsx".into(),
            lembar: "T".into(),
            baris: vec![
                teks(0, &["Tabel 11 Capaian Kinerja Tahun 2022"]),
                teks(
                    1,
                    &[
                        "No",
                        "Sasaran Strategis",
                        "Indikator Kinerja",
                        "Satuan",
                        "Target",
                        "Realisasi",
                        "% Capaian",
                    ],
                ),
                teks(
                    2,
                    &[
                        "4",
                        "Meningkatnya ketentraman",
                        "Persentase Gangguan Ketentraman dan",
                        "%",
                        "100",
                        "100",
                        "100",
                    ],
                ),
                teks(3, &["", "", "Ketertiban Umum yang ditindaklanjuti"]),
                teks(
                    4,
                    &["5", "Sasaran lain", "Nilai lain", "Nilai", "10", "5", "50"],
                ),
            ],
            gabungan: Vec::new(),
        };
        let t = &kenali(&grid)[0];
        assert_eq!(t.baris.len(), 2);
        assert_eq!(
            t.sel(0, KolomKetik::Indikator).map(|s| s.teks.as_str()),
            Some("Persentase Gangguan Ketentraman dan Ketertiban Umum yang ditindaklanjuti")
        );
    }

    #[test]
    fn angka_tertulis_dengan_presisinya() {
        let t = |s: &str| nilai(&Isi::Teks(s.to_string()), false);
        assert!(
            matches!(t("99,17%"), Some(Tertulis::Angka(a)) if a.desimal == 2 && a.nilai.to_string() == "99.17")
        );
        assert!(matches!(t("-1,73%"), Some(Tertulis::Angka(a)) if a.nilai.is_sign_negative()));
        assert!(
            matches!(t("3.809.732.516"), Some(Tertulis::Angka(a)) if a.nilai.to_string() == "3809732516")
        );
        assert_eq!(t("n/a"), Some(Tertulis::TidakDiukur));
        assert_eq!(t("-"), Some(Tertulis::Strip));
        assert_eq!(t("Nilai"), None);
    }
}
