//! The tabular DPA exports of `samples/bontang-barat-2022/dpa/` (docs/dpa-tata-letak.md
//! layouts 3, 4, 5 and 7, made by `samples/buat_dpa.py` with the pagu of seed 001 Tabel 19):
//! each checks clean and gives every sub kegiatan of its unit with its pagu, and a copy with
//! one amount changed is reported at that cell.

use crate::bantu::{akar, lkjip, periksa_semua_json, salin_dengan_nilai, temuan_tingkat};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const REKAP: &str = "samples/bontang-barat-2022/dpa/DPA-REKAP-BELANJA_7.01.0.00.0.00.30.0000_KECAMATAN_BONTANG_BARAT.xlsx";
const DATAR: &str =
    "samples/bontang-barat-2022/dpa/DPA-DATAR_7.01.0.00.0.00.30.0001_KELURAHAN_KANAAN.xlsx";
const SIPD_RI: &str = "samples/bontang-barat-2022/dpa/SIPD-RI-REKAP_7.01.0.00.0.00.30.0002_KELURAHAN_GUNUNG_TELIHAN.xlsx";
const KAS: &str =
    "samples/bontang-barat-2022/dpa/ANGGARAN-KAS_7.01.0.00.0.00.30.0003_KELURAHAN_BELIMBING.csv";

/// The one `DPA_TABEL_DIBACA` info of a file's check: what it was read as.
fn dibaca(json: &serde_json::Value) -> String {
    let info: Vec<&serde_json::Value> = temuan_tingkat(json, "info")
        .into_iter()
        .filter(|t| t["kode"] == "DPA_TABEL_DIBACA")
        .collect();
    assert_eq!(info.len(), 1, "{json:#}");
    info[0]["pesan"].as_str().unwrap().to_string()
}

#[test]
fn empat_ekspor_tabel_tanpa_galat_dengan_pagu_tabel_19() {
    // Pagu per sub kegiatan from samples/bontang-barat-2022/dpa/README.md (= seed 001
    // Tabel 19), summed by hand per unit.
    let kasus: [(&str, &str, usize, &str); 4] = [
        // Kecamatan Bontang Barat, 32 sub kegiatan: 1.698.100 + 1.698.100 + 10.559.602.048
        // + 845.450 + 845.450 + 845.450 + 144.256.468 + 351.150.000 + 15.241.440
        // + 486.231.076 + 59.856.044 + 36.241.130 + 7.117.500 + 506.890.000 + 38.773.364
        // + 71.897.728 + 0 + 230.000.000 + 3.912.977.244 + 229.779.100 + 7.450.000
        // + 327.468.681 + 59.800.000 + 418.901.794 + 68.726.576 + 31.003.454 + 282.120.868
        // + 81.290.905 + 42.472.500 + 603.349.600 + 20.972.635 + 105.702.650
        // = 18.705.205.355 (also the rekap's own JUMLAH, N64).
        (REKAP, "rekap belanja DPA", 32, "18.705.205.355"),
        // Kelurahan Kanaan, 8: 798.778.426 + 13.500.000 + 0 + 60.206.008 + 507.432.904
        // + 367.999.850 + 24.000.000 + 15.000.000 = 1.786.917.188.
        (DATAR, "ekspor DPA per rekening", 8, "1.786.917.188"),
        // Kelurahan Gunung Telihan, 8: 549.206.628 + 15.492.150 + 751.147.800 + 329.560.000
        // + 805.784.500 + 806.820.000 + 24.000.000 + 20.000.000 = 3.302.011.078.
        (SIPD_RI, "rekap SIPD-RI", 8, "3.302.011.078"),
        // Kelurahan Belimbing, 7 (7.01.05.2.01.01, pagu 0, has no rekening and so no row):
        // 1.537.231.365 + 14.500.000 + 1.627.911.629 + 497.418.790 + 1.298.324.400
        // + 1.340.444.190 + 67.689.600 = 6.383.519.974.
        (KAS, "anggaran kas", 7, "6.383.519.974"),
    ];
    for (berkas, bentuk, n, pagu) in kasus {
        let json = periksa_semua_json(&[akar(berkas)], 0);
        assert_eq!(json["ringkasan"]["galat"], 0, "{berkas}: {json:#}");
        assert_eq!(json["ringkasan"]["peringatan"], 0, "{berkas}: {json:#}");
        let pesan = dibaca(&json);
        assert!(
            pesan.contains(&format!("dibaca sebagai {bentuk}: {n} sub kegiatan"))
                && pesan.ends_with(&format!("jumlah pagu {pagu}")),
            "{berkas}: {pesan}"
        );
    }
    // With the realisasi workbook: the rekap's pagu of every sub kegiatan is Tabel 19's.
    let json = periksa_semua_json(
        &[
            akar(REKAP),
            akar("samples/bontang-barat-2022/realisasi.xlsx"),
        ],
        0,
    );
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
}

#[test]
fn konversi_empat_ekspor_tabel() {
    // All four into one workbook: 32 + 8 + 8 + 7 = 55 sub kegiatan rows; the rekap's pagu
    // are its Jumlah column (the others state no total per sub kegiatan).
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("dpa.xlsx");
    lkjip()
        .args(["konversi", "--jobs", "1", "-o"])
        .arg(&keluaran)
        .args([REKAP, DATAR, SIPD_RI, KAS].map(akar))
        .assert()
        .success();
    let sub = crate::bantu::lembar(&keluaran, "Sub Kegiatan");
    let baris: Vec<&Vec<calamine::Data>> = sub.iter().skip(3).collect();
    assert_eq!(baris.len(), 55);
    let rekap: Vec<rust_decimal::Decimal> = baris
        .iter()
        .filter(|r| crate::bantu::teks(&r[12]).contains("REKAP-BELANJA"))
        .filter_map(|r| crate::bantu::angka(&r[7]))
        .collect();
    assert_eq!(rekap.len(), 32);
    assert_eq!(
        rekap.iter().sum::<rust_decimal::Decimal>(),
        crate::bantu::indo("18.705.205.355")
    );
}

/// `(kode, sel, seharusnya)` of every galat.
fn galat(json: &serde_json::Value) -> Vec<(String, String, String)> {
    temuan_tingkat(json, "galat")
        .iter()
        .map(|t| {
            (
                t["kode"].as_str().unwrap().to_string(),
                t["lokasi"]["sel"].as_str().unwrap().to_string(),
                t["seharusnya"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn f(k: &str, s: &str, h: &str) -> (String, String, String) {
    (k.to_string(), s.to_string(), h.to_string())
}

#[test]
fn rekap_satu_angka_diubah() {
    // J16, Belanja Operasi of 7.01.01.2.01.01, 1.698.100 typed 1.698.000: its row's Jumlah
    // (N16 = SUM(J16:M16), 1.698.100) and its kegiatan 7.01.01.2.01 (J15, 3.396.200 −
    // 1.698.100 of 7.01.01.2.01.06) both say 1.698.100.
    let (_dir, salinan) = salin_dengan_nilai(REKAP, &[("J16", "1698000")]);
    let json = periksa_semua_json(&[salinan], 1);
    assert_eq!(
        galat(&json),
        [f("DPA_SALAH_KETIK", "J16", "1.698.100")],
        "{json:#}"
    );
}

#[test]
fn datar_satu_angka_diubah() {
    // J2, Nilai Rincian of 5.1.02.01.01.0004 (7.01.02.2.02.03 Kanaan), 47.736.000 typed
    // 47.736.001: its twelve months are 12 × 3.978.000 = 47.736.000, as is its Total RAK K2.
    let (_dir, salinan) = salin_dengan_nilai(DATAR, &[("J2", "47736001")]);
    let json = periksa_semua_json(&[salinan], 1);
    assert_eq!(
        galat(&json),
        [f("DPA_BULAN_TIDAK_SESUAI", "J2", "47.736.000")],
        "{json:#}"
    );
    // A month (O2, Bulan 4) typed 3.978.100: amount and Total RAK (cached 47.736.000) agree,
    // the months make 47.736.100; which month is wrong nothing tells, so it is said at the
    // Total RAK.
    let (_dir, salinan) = salin_dengan_nilai(DATAR, &[("O2", "3978100")]);
    let json = periksa_semua_json(&[salinan], 1);
    assert_eq!(
        galat(&json),
        [f("DPA_BULAN_TIDAK_SESUAI", "K2", "47.736.100")],
        "{json:#}"
    );
}

/// A copy of the workbook `asal` whose cell `sel` (first sheet) holds the text `teks`.
fn salin_dengan_teks(asal: &str, sel: &str, teks: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let tujuan = dir.path().join(Path::new(asal).file_name().unwrap());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(akar(asal)).unwrap()).unwrap();
    let mut tulis = zip::ZipWriter::new(std::fs::File::create(&tujuan).unwrap());
    for i in 0..zip.len() {
        let mut berkas = zip.by_index(i).unwrap();
        let nama = berkas.name().unwrap().to_string();
        let mut isi = Vec::new();
        berkas.read_to_end(&mut isi).unwrap();
        if nama == "xl/worksheets/sheet1.xml" {
            let mut x = String::from_utf8(isi).unwrap();
            let awal = x.find(&format!("<c r=\"{sel}\"")).expect("sel ada");
            let akhir = awal + x[awal..].find("</c>").unwrap() + 4;
            x.replace_range(
                awal..akhir,
                &format!("<c r=\"{sel}\" t=\"inlineStr\"><is><t>{teks}</t></is></c>"),
            );
            isi = x.into_bytes();
        }
        tulis
            .start_file(nama, zip::write::SimpleFileOptions::default())
            .unwrap();
        tulis.write_all(&isi).unwrap();
    }
    tulis.finish().unwrap();
    (dir, tujuan)
}

#[test]
fn sipd_ri_pagu_berupa_kata() {
    // W3, PAGU of 5.1.02.01.01.0004 (7.01.02.2.02.03 Gunung Telihan), 57.283.200 written as
    // words: no number, so a galat at its cell, and the total no longer counts it:
    // 3.302.011.078 − 57.283.200 = 3.244.727.878.
    let (_dir, salinan) = salin_dengan_teks(SIPD_RI, "W3", "lima puluh tujuh juta");
    let json = periksa_semua_json(&[salinan], 1);
    let g = galat(&json);
    assert_eq!(g.len(), 1, "{json:#}");
    assert_eq!(
        (g[0].0.as_str(), g[0].1.as_str()),
        ("ANGKA_TIDAK_TERBACA", "W3")
    );
    assert!(dibaca(&json).ends_with("jumlah pagu 3.244.727.878"));
}

#[test]
fn anggaran_kas_satu_angka_diubah() {
    // G2, total_rincian of 5.1.02.01.01.0004 (7.01.02.2.02.03 Belimbing), 58.752.000 typed
    // 58.752.100: its twelve months are 12 × 4.896.000 = 58.752.000.
    let dir = tempfile::tempdir().unwrap();
    let salinan = dir.path().join(Path::new(KAS).file_name().unwrap());
    let isi = std::fs::read(akar(KAS)).unwrap();
    let teks = String::from_utf8(isi).expect("sampel CSV ASCII");
    assert_eq!(teks.matches(";58752000;").count(), 1);
    std::fs::write(&salinan, teks.replace(";58752000;", ";58752100;")).unwrap();
    let json = periksa_semua_json(&[salinan], 1);
    assert_eq!(
        galat(&json),
        [f("DPA_BULAN_TIDAK_SESUAI", "G2", "58.752.000")],
        "{json:#}"
    );
}
