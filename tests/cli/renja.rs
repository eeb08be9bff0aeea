//! The Renja evaluation form (`tests/data/renja-bontang-barat-2022.xlsx`, made by
//! `tests/data/buat_renja.py` from seed 001's Tabel 4/5, 12, 17 and 19, see
//! `tests/data/README.md`): it checks clean, feeds Tabel 11, 12, 14 and 17 as the kinerja
//! workbook does, and one triwulan amount changed is reported at its cell.

use crate::bantu::{
    akar, fikstur, lembar, lkjip, periksa_semua_json as periksa_json, salin_dengan_nilai,
    temuan_tingkat as temuan,
};
use crate::kinerja::{badan, nilai, seed};
use std::path::{Path, PathBuf};

const RENJA: &str = "tests/data/renja-bontang-barat-2022.xlsx";
const RENJA_TW_DIUBAH: &str = "tests/data/renja-bontang-barat-2022-tw-diubah.xlsx";
const SAMPEL: &str = "samples/bontang-barat-2022";

fn susun(masukan: &[PathBuf], keluaran: &Path) {
    lkjip()
        .arg("susun")
        .args(masukan)
        .arg("-o")
        .arg(keluaran)
        .assert()
        .success();
}

#[test]
fn formulir_renja_sampel_tanpa_galat() {
    // Alone, and with the PK and the realisasi workbook it was made from: every Rp of the
    // form equals the LRA's pagu and realisasi of its sub kegiatan (both are seed 001
    // Tabel 19), so there is nothing to report.
    for masukan in [
        vec![akar(RENJA)],
        vec![
            akar(RENJA),
            akar(&format!("{SAMPEL}/pk.xlsx")),
            akar(&format!("{SAMPEL}/realisasi.xlsx")),
        ],
    ] {
        let json = periksa_json(&masukan, 0);
        assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
        assert_eq!(json["ringkasan"]["peringatan"], 0, "{json:#}");
        let info: Vec<&str> = temuan(&json, "info")
            .iter()
            .filter_map(|t| t["kode"].as_str())
            .filter(|k| k.starts_with("RENJA"))
            .collect();
        assert_eq!(info, ["RENJA_SEBAGAI_KINERJA"], "{json:#}");
    }
}

#[test]
fn satu_triwulan_diubah_dilaporkan_di_selnya() {
    // The values-only copy with N78 (triwulan I Rp of 7.01.03.2.03.04 Fasilitasi
    // Pengembangan Usaha Ekonomi Masyarakat, Kelurahan Kanaan) raised by 1.000.000, from
    // 71.649.252 to 72.649.252. Two sums then say what N78 should be:
    //   its row:    V78 − P78 − R78 − T78 = 358.246.260 − 89.561.565 − 89.561.565 − 107.473.878
    //               = 71.649.252;
    //   its parent: N76 − N77 = 169.982.692 − 98.333.440 = 71.649.252.
    // So the cell is named, with that value; no other cell is reported.
    let json = periksa_json(&[akar(RENJA_TW_DIUBAH)], 1);
    let galat = temuan(&json, "galat");
    assert_eq!(galat.len(), 1, "{json:#}");
    assert_eq!(galat[0]["kode"], "RENJA_SALAH_KETIK");
    assert_eq!(galat[0]["lokasi"]["sel"], "N78");
    assert_eq!(galat[0]["tertulis"], "72.649.252");
    assert_eq!(galat[0]["seharusnya"], "71.649.252");
}

#[test]
fn realisasi_renja_berbeda_dari_lra_dilaporkan() {
    // V78 (realisasi Rp of the same sub kegiatan) is a formula =N78+P78+R78+T78; its cached
    // value set to 358.247.260 (1.000 more) breaks the row (Σ triwulan = 358.246.260), the
    // parent (V76 − V77 = 358.246.260) and the LRA (realisasi 358.246.260, seed 001 Tabel 19).
    let (_dir, salinan) = salin_dengan_nilai(RENJA, &[("V78", "358247260")]);
    let json = periksa_json(&[salinan, akar(&format!("{SAMPEL}/realisasi.xlsx"))], 1);
    let galat = temuan(&json, "galat");
    let kode: Vec<(&str, &str, &str)> = galat
        .iter()
        .map(|t| {
            (
                t["kode"].as_str().unwrap(),
                t["lokasi"]["sel"].as_str().unwrap(),
                t["seharusnya"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        kode.contains(&("RENJA_SALAH_KETIK", "V78", "358.246.260")),
        "{json:#}"
    );
    assert!(
        kode.contains(&("RENJA_BEDA_REALISASI", "V78", "358.246.260")),
        "{json:#}"
    );
    // X78 stays right: 358.247.260 ÷ 367.999.850 × 100 = 97,3498… and 358.246.260 gives
    // 97,3495…, both 97,35 as written.
    assert_eq!(galat.len(), 2, "{json:#}");
}

#[test]
fn renja_menggantikan_buku_kerja_kinerja_untuk_tabel_12_dan_17() {
    let dir = tempfile::tempdir().unwrap();
    let dari_kinerja = dir.path().join("kinerja.xlsx");
    let dari_renja = dir.path().join("renja.xlsx");
    susun(&[akar(SAMPEL)], &dari_kinerja);
    susun(
        &[
            akar(&format!("{SAMPEL}/pk.xlsx")),
            akar(&format!("{SAMPEL}/realisasi.xlsx")),
            akar(RENJA),
        ],
        &dari_renja,
    );
    for t in ["Tabel 11", "Tabel 12", "Tabel 14"] {
        assert_eq!(lembar(&dari_kinerja, t), lembar(&dari_renja, t), "{t}");
    }
    // Tabel 12 from the form is seed 001's: Target / Realisasi / % of each triwulan.
    let t12 = badan(&dari_renja, "Tabel 12", 3);
    for (i, l) in fikstur("tabel12").iter().enumerate() {
        let sel: Vec<&str> = l.split('\t').collect();
        for (c, d) in t12[i].iter().enumerate().take(9).skip(6) {
            assert_eq!(
                nilai(d),
                seed(sel.get(c).copied().unwrap_or("")),
                "baris {i} kolom {c}"
            );
        }
    }
    // Tabel 17: the same rows, indikator, targets, realisasi and anggaran. Only column C,
    // the indikator PERMENDAGRI, differs: the kinerja workbook's Program sheet has it, the
    // Renja form has no such column (a form that adds one fills it), so from the form only
    // the sub kegiatan rows have it, completed from the nomenclature, each said as info.
    let a = lembar(&dari_kinerja, "Tabel 17");
    let b = lembar(&dari_renja, "Tabel 17");
    assert_eq!(a.len(), b.len());
    let json = crate::bantu::periksa_semua_json(
        &[
            akar(&format!("{SAMPEL}/pk.xlsx")),
            akar(&format!("{SAMPEL}/realisasi.xlsx")),
            akar(RENJA),
        ],
        0,
    );
    let dilengkapi: Vec<String> = json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kode"] == "PERMENDAGRI_DARI_NOMENKLATUR")
        .map(|t| t["pesan"].as_str().unwrap().to_string())
        .collect();
    let mut c_terisi = 0;
    let mut c_nomenklatur = 0;
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        for (c, (p, q)) in x.iter().zip(y).enumerate() {
            if c == 2 && i >= 5 {
                c_terisi += usize::from(!crate::bantu::teks(p).is_empty());
                let q = crate::bantu::teks(q);
                if !q.is_empty() {
                    c_nomenklatur += 1;
                    assert!(
                        dilengkapi.iter().any(|m| m.contains(&format!("'{q}'"))),
                        "baris {i}: '{q}' tanpa info"
                    );
                }
            } else {
                assert_eq!(p, q, "Tabel 17 baris {i} kolom {c}");
            }
        }
    }
    assert!(c_terisi > 60, "{c_terisi}");
    assert_eq!(c_nomenklatur, dilengkapi.len());
    assert!(c_nomenklatur > 0);
}

/// The header rows of a Renja form (Permendagri 86/2017, as in the sample) and nothing else.
fn kepala_renja() -> Vec<Vec<crate::bantu::SelUji<'static>>> {
    use crate::bantu::SelUji::Teks;
    let mut atas = vec![
        Teks("No"),
        Teks("Sasaran"),
        Teks("Kode"),
        Teks("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"),
        Teks("Indikator Kinerja Program (outcome)/Kegiatan (output)"),
        Teks("Target Kinerja dan Anggaran Renja Tahun Berjalan (2022) yang Dievaluasi"),
        Teks(""),
        Teks("Realisasi Kinerja Pada Triwulan"),
    ];
    atas.extend(std::iter::repeat_with(|| Teks("")).take(7));
    let mut tw: Vec<_> = std::iter::repeat_with(|| Teks("")).take(7).collect();
    tw.extend([
        Teks("I"),
        Teks(""),
        Teks("II"),
        Teks(""),
        Teks("III"),
        Teks(""),
        Teks("IV"),
    ]);
    let mut krp: Vec<_> = std::iter::repeat_with(|| Teks("")).take(5).collect();
    for _ in 0..5 {
        krp.extend([Teks("K"), Teks("Rp")]);
    }
    vec![atas, tw, krp]
}

#[test]
fn formulir_renja_kosong_dan_jenis_dipaksa() {
    let dir = tempfile::tempdir().unwrap();
    let kosong = crate::bantu::buku_uji(dir.path(), "renja-kosong.xlsx", &kepala_renja());
    let hasil = lkjip().arg("periksa").arg(&kosong).assert().code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("belum berisi data"), "{stderr}");
    assert!(stderr.contains("renja-kosong.xlsx › LRA"), "{stderr}");
    // `--jenis renja` on a realisasi workbook: its sheet is not a Renja form, and says so.
    let hasil = lkjip()
        .args(["periksa", "--jenis", "renja"])
        .arg(akar(&format!("{SAMPEL}/realisasi.xlsx")))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("tidak dikenali sebagai formulir evaluasi Renja (--jenis renja)"),
        "{stderr}"
    );
}
