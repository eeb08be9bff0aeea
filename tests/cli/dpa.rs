//! DPA rincian (`samples/bontang-barat-2022/dpa/`, made by `samples/buat_dpa.py` with the
//! pagu of seed 001 Tabel 19; rincian lines illustrative, see that folder's README): the
//! 30 rincian workbooks check clean, and a copy with one line's jumlah, one rekening total
//! and one month of the Rencana Penarikan changed is reported at those cells.

use crate::bantu::{akar, periksa_semua_json, salin_dengan_nilai, temuan_tingkat};
use std::path::PathBuf;

const DPA: &str = "samples/bontang-barat-2022/dpa";
const KOORDINASI: &str = "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.01.2.01.06_Koordinasi_dan_Penyusunan_Laporan_Capaian_Kinerja_dan_Ikhtis.xlsx";

const DPPA: &str = "samples/bontang-barat-2022/dpa/DPPA-RINCIAN_7.01.02.2.02.03_Peningkatan_Efektifitas_Pelaksanaan_Pelayanan_Kepada_Masyara.xlsx";

fn rincian() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(akar(DPA))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("DPA-RINCIAN_") && n.ends_with(".xlsx")
        })
        .collect();
    v.sort();
    v
}

#[test]
fn rincian_dpa_sampel_tanpa_galat() {
    let berkas = rincian();
    assert_eq!(berkas.len(), 30);
    let json = periksa_semua_json(&berkas, 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    assert_eq!(json["ringkasan"]["peringatan"], 0, "{json:#}");
    // With the realisasi workbook: every DPA's pagu is its sub kegiatan's in Tabel 19.
    let mut dengan = berkas.clone();
    dengan.push(akar("samples/bontang-barat-2022/realisasi.xlsx"));
    let json = periksa_semua_json(&dengan, 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
}

#[test]
fn tiga_angka_diubah_dilaporkan_di_selnya() {
    // Sub kegiatan 7.01.01.2.01.06 (pagu 1.698.100, seed 001 Tabel 19):
    // - L40, Ballpoint 3 × 3.500 = 10.500, typed 10.050: its product and its [-] note's
    //   SUBTOTAL (L39 25.500 − Map Plastik 15.000) both say 10.500;
    // - L42, rekening 5.1.02.01.01.0026 Bahan Cetak 172.600, typed 172.700: its [#] group
    //   (L43 172.600) and its parent 5.1.02.01.01 (L36 648.100 − 25.500 − 450.000) both say
    //   172.600;
    // - G71, penarikan April 212.262, typed 212.263: the twelve months then add up to
    //   1.698.101, not the Jumlah G80 1.698.100 (which is the pagu). A month has no second
    //   sum to tell which month it was: reported at the Jumlah.
    let (_dir, salinan) = salin_dengan_nilai(
        KOORDINASI,
        &[("L40", "10050"), ("L42", "172700"), ("G71", "212263")],
    );
    let json = periksa_semua_json(&[salinan], 1);
    let galat: Vec<(String, String, String)> = temuan_tingkat(&json, "galat")
        .iter()
        .map(|t| {
            (
                t["kode"].as_str().unwrap().to_string(),
                t["lokasi"]["sel"].as_str().unwrap().to_string(),
                t["seharusnya"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let f = |k: &str, s: &str, h: &str| (k.to_string(), s.to_string(), h.to_string());
    assert_eq!(
        galat,
        [
            f("DPA_SALAH_KETIK", "L40", "10.500"),
            f("DPA_SALAH_KETIK", "L42", "172.600"),
            f("DPA_JUMLAH_PENARIKAN", "G80", "1.698.101"),
        ],
        "{json:#}"
    );
}

#[test]
fn pagu_dpa_berbeda_dari_realisasi() {
    // The sub kegiatan's total L65 typed 1.698.000 (100 less), the lines untouched: they add
    // up to 1.698.100, and Tabel 19's pagu of 7.01.01.2.01.06 is 1.698.100.
    let (_dir, salinan) = salin_dengan_nilai(KOORDINASI, &[("L65", "1698000")]);
    let json = periksa_semua_json(
        &[salinan, akar("samples/bontang-barat-2022/realisasi.xlsx")],
        1,
    );
    let galat = temuan_tingkat(&json, "galat");
    let ada = |kode: &str, sel: &str| {
        galat.iter().any(|t| {
            t["kode"] == kode && t["lokasi"]["sel"] == sel && t["seharusnya"] == "1.698.100"
        })
    };
    assert!(ada("DPA_JUMLAH_SUB_KEGIATAN", "L65"), "{json:#}");
    assert!(ada("DPA_BEDA_REALISASI", "L65"), "{json:#}");
}

#[test]
fn dppa_sebelum_sesudah_dan_bertambah() {
    // The perubahan of 7.01.02.2.02.03 (pagu 94.925.000 → 81.290.905, the latter seed 001
    // Tabel 19's): both sides and every Bertambah/(Berkurang) add up.
    let json = periksa_semua_json(&[akar(DPPA)], 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    // Bahan Bakar Pertalite: Sesudah 23.409.000 − Sebelum 34.425.000 = −11.016.000, typed
    // −11.016.001 in R42.
    let (_dir, salinan) = salin_dengan_nilai(DPPA, &[("R42", "-11016001")]);
    let json = periksa_semua_json(&[salinan], 1);
    let galat = temuan_tingkat(&json, "galat");
    assert_eq!(galat.len(), 1, "{json:#}");
    assert_eq!(galat[0]["kode"], "DPA_BERTAMBAH_SALAH");
    assert_eq!(galat[0]["lokasi"]["sel"], "R42");
    assert_eq!(galat[0]["seharusnya"], "-11.016.000");
    // The Sebelum jumlah L42 typed 34.425.001: 4.500 × 7.650 and its [-] note both say
    // 34.425.000 (and the Bertambah beside it then does not follow).
    let (_dir, salinan) = salin_dengan_nilai(DPPA, &[("L42", "34425001")]);
    let json = periksa_semua_json(&[salinan], 1);
    let kode: Vec<(&str, &str)> = temuan_tingkat(&json, "galat")
        .iter()
        .map(|t| {
            (
                t["kode"].as_str().unwrap(),
                t["lokasi"]["sel"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kode,
        [("DPA_SALAH_KETIK", "L42"), ("DPA_BERTAMBAH_SALAH", "R42")],
        "{json:#}"
    );
}

#[test]
fn konversi_berkas_campuran_dan_status() {
    // Two good DPA, a corrupt file, and an unrelated workbook (a realisasi LRA), one of them
    // in a subfolder: the DPA are converted, the others are in Status with why, the exit code
    // says one failed, and no progress bar reaches a pipe.
    let dir = tempfile::tempdir().unwrap();
    let masukan = dir.path().join("masukan");
    std::fs::create_dir_all(masukan.join("sub")).unwrap();
    let dua = &rincian()[..2];
    std::fs::copy(&dua[0], masukan.join("a.xlsx")).unwrap();
    std::fs::copy(&dua[1], masukan.join("sub").join("b.xlsx")).unwrap();
    std::fs::write(masukan.join("rusak.xlsx"), b"PK\x03\x04 bukan zip").unwrap();
    std::fs::copy(
        akar("samples/bontang-barat-2022/realisasi.xlsx"),
        masukan.join("lra.xlsx"),
    )
    .unwrap();
    let keluaran = dir.path().join("dpa.xlsx");
    let hasil = crate::bantu::lkjip()
        .args(["konversi", "--jobs", "2", "-o"])
        .arg(&keluaran)
        .arg(&masukan)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        !stderr.contains('\r') && !stderr.contains("berjalan"),
        "{stderr}"
    );
    assert!(stderr.contains("2 sub kegiatan"), "{stderr}");
    let status = crate::bantu::lembar(&keluaran, "Status");
    let baris: Vec<(String, String, String)> = status
        .iter()
        .skip(3)
        .map(|r| {
            let t = |i: usize| crate::bantu::teks(&r[i]);
            let nama = std::path::Path::new(&t(0))
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            (nama, t(1), t(4))
        })
        .collect();
    let cari = |n: &str| {
        baris
            .iter()
            .find(|b| b.0 == n)
            .unwrap_or_else(|| panic!("{n}: {baris:?}"))
    };
    assert_eq!(cari("a.xlsx").1, "dibaca");
    assert_eq!(cari("b.xlsx").1, "dibaca");
    assert_eq!(cari("rusak.xlsx").1, "gagal");
    assert!(!cari("rusak.xlsx").2.is_empty());
    assert_eq!(cari("lra.xlsx").1, "dilewati");
    assert!(
        cari("lra.xlsx").2.contains("tabel realisasi anggaran"),
        "{baris:?}"
    );
    // The two DPA's sub kegiatan, with the pagu of seed 001 Tabel 19.
    let sub = crate::bantu::lembar(&keluaran, "Sub Kegiatan");
    let pagu: Vec<_> = sub
        .iter()
        .skip(3)
        .map(|r| crate::bantu::angka(&r[7]))
        .collect();
    assert_eq!(
        pagu,
        [
            Some(crate::bantu::indo("1.698.100")),
            Some(crate::bantu::indo("1.698.100"))
        ]
    );
}

#[test]
fn jenis_dpa_pada_buku_kerja_lain_disebut() {
    // `--jenis dpa` on a PK workbook: its sheet is no DPA, and says so (not "belum berisi
    // data" of a blank form).
    let hasil = crate::bantu::lkjip()
        .args(["periksa", "--jenis", "dpa"])
        .arg(akar("samples/bontang-barat-2022/pk.xlsx"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("lembar 'PK 2022': tidak dikenali sebagai rincian DPA (--jenis dpa)"),
        "{stderr}"
    );
    assert!(!stderr.contains("belum berisi data"), "{stderr}");
}

#[test]
fn susun_memakai_pagu_dpa_dan_melaporkan_bedanya() {
    // The realisasi workbook's pagu of 7.01.01.2.06.02 Penyediaan Peralatan dan
    // Perlengkapan Kantor (C25, 486.231.076 = seed 001 Tabel 19 row 898) typed 100.000 less;
    // its DPA says 486.231.076. The tables take the DPA's pagu, so Tabel 19's JUMLAH is
    // again seed 001's 30.177.653.595 (without the DPA: 30.177.553.595).
    const PERALATAN: &str = "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.01.2.06.02_Penyediaan_Peralatan_dan_Perlengkapan_Kantor.xlsx";
    let (_dir, lra) = salin_dengan_nilai(
        "samples/bontang-barat-2022/realisasi.xlsx",
        &[("C25", "486131076")],
    );
    let json = periksa_semua_json(&[lra.clone(), akar(PERALATAN)], 1);
    let beda: Vec<_> = temuan_tingkat(&json, "galat")
        .into_iter()
        .filter(|t| t["kode"] == "DPA_BEDA_REALISASI")
        .collect();
    assert_eq!(beda.len(), 1, "{json:#}");
    let pesan = beda[0]["pesan"].as_str().unwrap();
    assert!(pesan.contains("LRA › C25"), "{pesan}");
    assert!(pesan.contains("tabel memakai pagu DPA"), "{pesan}");
    assert_eq!(beda[0]["tertulis"], "486.231.076");
    assert_eq!(beda[0]["seharusnya"], "486.131.076");

    let jumlah_tabel_19 = |masukan: &[PathBuf]| {
        let dir = tempfile::tempdir().unwrap();
        let keluaran = dir.path().join("t.xlsx");
        crate::bantu::lkjip()
            .arg("susun")
            .args(masukan)
            .arg("-o")
            .arg(&keluaran)
            .assert()
            .success();
        let t19 = crate::bantu::lembar(&keluaran, "Tabel 19");
        crate::bantu::angka(&t19[t19.len() - 1][2]).unwrap()
    };
    let kinerja = akar("samples/bontang-barat-2022/kinerja.xlsx");
    let pk = akar("samples/bontang-barat-2022/pk.xlsx");
    assert_eq!(
        jumlah_tabel_19(&[lra.clone(), pk.clone(), kinerja.clone()]),
        crate::bantu::indo("30.177.553.595")
    );
    assert_eq!(
        jumlah_tabel_19(&[lra, pk, kinerja, akar(PERALATAN)]),
        crate::bantu::indo("30.177.653.595")
    );
}

const PERENCANAAN: &str = "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.01.2.01.01_Penyusunan_Dokumen_Perencanaan_Perangkat_Daerah.xlsx";

/// Tabel 17's row of `nama` (column A): (indikator, target, satuan, realisasi).
fn baris_tabel_17(keluaran: &std::path::Path, nama: &str) -> (String, String, String, String) {
    use crate::bantu::teks;
    let t = crate::bantu::lembar(keluaran, "Tabel 17");
    let b = t
        .iter()
        .find(|b| b.first().map(teks).as_deref() == Some(nama))
        .unwrap_or_else(|| panic!("{nama} di Tabel 17"));
    (teks(&b[1]), teks(&b[3]), teks(&b[4]), teks(&b[6]))
}

fn susun_ke(masukan: &[PathBuf]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("t.xlsx");
    crate::bantu::lkjip()
        .arg("susun")
        .args(masukan)
        .arg("-o")
        .arg(&keluaran)
        .assert()
        .success();
    (dir, keluaran)
}

#[test]
fn indikator_dpa_menjadi_target_tabel_17() {
    // Without a kinerja workbook, Tabel 17 takes the DPA's Keluaran of 7.01.01.2.01.01
    // (K20 "2 Dokumen", from seed 001 Tabel 17 row 716) with no realisasi.
    let (_d, keluaran) = susun_ke(&[
        akar("samples/bontang-barat-2022/realisasi.xlsx"),
        akar(PERENCANAAN),
    ]);
    assert_eq!(
        baris_tabel_17(&keluaran, "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        (
            "Jumlah Dokumen Perencanaan yang disusun".to_string(),
            "2".to_string(),
            "Dokumen".to_string(),
            String::new()
        )
    );
    // With the kinerja workbook, whose Program sheet says 2 as well (seed row 716), and
    // the DPA's target typed 3: a peringatan at K20, and Tabel 17 shows the DPA's 3 beside
    // the workbook's realisasi 2.
    let (_d2, dpa) = crate::bantu::salin_dengan(PERENCANAAN, "2 Dokumen", "3 Dokumen");
    let masukan = [
        akar("samples/bontang-barat-2022/realisasi.xlsx"),
        akar("samples/bontang-barat-2022/pk.xlsx"),
        akar("samples/bontang-barat-2022/kinerja.xlsx"),
        dpa,
    ];
    let json = periksa_semua_json(&masukan, 0);
    let beda: Vec<_> = temuan_tingkat(&json, "peringatan")
        .into_iter()
        .filter(|t| t["kode"] == "DPA_BEDA_TARGET")
        .collect();
    assert_eq!(beda.len(), 1, "{json:#}");
    assert_eq!(beda[0]["lokasi"]["sel"], "K20");
    let pesan = beda[0]["pesan"].as_str().unwrap();
    assert!(
        pesan.contains("di DPA 3 Dokumen, di masukan kinerja 2"),
        "{pesan}"
    );
    let (_d3, keluaran) = susun_ke(&masukan);
    let (_, target, _, realisasi) =
        baris_tabel_17(&keluaran, "Penyusunan Dokumen Perencanaan Perangkat Daerah");
    assert_eq!((target.as_str(), realisasi.as_str()), ("3", "2"));
}

#[test]
fn anggaran_program_pk_dibandingkan_dengan_pagu_dpa() {
    // PK C10, PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA, 17.050.664.373
    // (seed 001 Tabel 19 row 884), typed 100 more. Its 23 sub kegiatan all have a DPA in
    // dpa/ (the 23 DPA-RINCIAN_7.01.01.* files), whose pagu add up to the seed's figure.
    let (_d, pk) = salin_dengan_nilai(
        "samples/bontang-barat-2022/pk.xlsx",
        &[("C10", "17050664473")],
    );
    let json = periksa_semua_json(
        &[
            akar("samples/bontang-barat-2022/realisasi.xlsx"),
            akar(DPA),
            pk,
        ],
        1,
    );
    let beda: Vec<_> = temuan_tingkat(&json, "galat")
        .into_iter()
        .filter(|t| t["kode"] == "DPA_BEDA_PK")
        .collect();
    assert_eq!(beda.len(), 1, "{json:#}");
    assert_eq!(beda[0]["lokasi"]["sel"], "C10");
    assert_eq!(beda[0]["seharusnya"], "17.050.664.373");
    // The sample as it is: the PK's five programs are the DPA's sums.
    let json = periksa_semua_json(
        &[
            akar("samples/bontang-barat-2022/realisasi.xlsx"),
            akar(DPA),
            akar("samples/bontang-barat-2022/pk.xlsx"),
        ],
        0,
    );
    assert!(
        !json["temuan"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["kode"] == "DPA_BEDA_PK"),
        "{json:#}"
    );
}

#[test]
fn bulan_penarikan_ditunjuk_oleh_anggaran_kas() {
    // The Rencana Penarikan of 7.01.01.2.01.06 (KOORDINASI G68:G79): 0, 0, 0, 212.262,
    // 318.393, 212.262, 106.130, 212.262, 318.393, 212.262, 106.136, 0 = 1.698.100 (4 ×
    // 212.262 + 2 × 318.393 + 106.130 + 106.136). An anggaran kas CSV of the same sub
    // kegiatan with those months (one akun carrying the whole pagu, illustrative), and the
    // DPA's April G71 typed 212.263: alone it is only the Jumlah G80 that fails; with the
    // anggaran kas, April is named at G71.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("anggaran-kas.csv");
    std::fs::write(
        &csv,
        "kode_sub_skpd;nama_sub_skpd;kode_sub_giat;nama_sub_giat;kode_akun;nama_akun;total_rincian;bulan_1;bulan_2;bulan_3;bulan_4;bulan_5;bulan_6;bulan_7;bulan_8;bulan_9;bulan_10;bulan_11;bulan_12\n\
         7.01.0.00.0.00.30.0000;KECAMATAN BONTANG BARAT;7.01.01.2.01.06;Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD;5.1.02.01.01.0024;Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor;1698100;0;0;0;212262;318393;212262;106130;212262;318393;212262;106136;0\n",
    )
    .unwrap();
    // The untouched DPA agrees with it month by month.
    let json = periksa_semua_json(&[akar(KOORDINASI), csv.clone()], 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    let (_d, salinan) = salin_dengan_nilai(KOORDINASI, &[("G71", "212263")]);
    let json = periksa_semua_json(&[salinan, csv], 1);
    let galat: Vec<(String, String)> = temuan_tingkat(&json, "galat")
        .iter()
        .map(|t| {
            (
                t["kode"].as_str().unwrap().to_string(),
                t["lokasi"]["sel"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        galat.contains(&("DPA_BEDA_ANGGARAN_KAS".to_string(), "G71".to_string())),
        "{json:#}"
    );
    assert!(
        galat.contains(&("DPA_JUMLAH_PENARIKAN".to_string(), "G80".to_string())),
        "{json:#}"
    );
    assert_eq!(galat.len(), 2, "{json:#}");
}

#[test]
fn bilah_kemajuan_hanya_di_terminal() {
    // To a pipe (as here): the result lines only, no bar and no terminal escapes.
    let out = crate::bantu::lkjip()
        .args(["periksa", DPA])
        .current_dir(akar(""))
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("berkas dibaca"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\r'),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ringkasan:"));
    // On a terminal (util-linux `script` gives the command one): the bar is drawn. Skipped,
    // and said, where `script` is missing.
    let Ok(script) = std::process::Command::new("script")
        .args(["-qec"])
        .arg(format!(
            "{} periksa {DPA}",
            assert_cmd::cargo::cargo_bin("lkjip").display()
        ))
        .arg("/dev/null")
        .current_dir(akar(""))
        .output()
    else {
        eprintln!("`script` tidak ada: bilah di terminal tidak diuji");
        return;
    };
    let layar = String::from_utf8_lossy(&script.stdout);
    assert!(layar.contains("berkas dibaca"), "{layar}");
}
