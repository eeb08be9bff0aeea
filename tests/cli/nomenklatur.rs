//! Codes and names against the nomenclature (`data/nomenklatur-sub-kegiatan.csv.gz`, embedded;
//! `--nomenklatur BERKAS` for a newer one), and Tabel 17's PERMENDAGRI column completed from
//! it. Expected texts are copied from the list's rows, named by their line in the unpacked
//! CSV (`zcat data/nomenklatur-sub-kegiatan.csv.gz | sed -n 7666p`).

use crate::bantu::{akar, lembar, lkjip, periksa_semua_json, salin_dengan, teks, temuan_tingkat};

const KOORDINASI: &str = "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.01.2.01.06_Koordinasi_dan_Penyusunan_Laporan_Capaian_Kinerja_dan_Ikhtis.xlsx";
const AKUNTANSI: &str = "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.01.2.02.02_Koordinasi_dan_Pelaksanaan_Akuntansi_SKPD.xlsx";
const SUB_KOORDINASI: &str = "7.01.01.2.01.06 Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD";

fn dengan_kode<'a>(json: &'a serde_json::Value, kode: &str) -> Vec<&'a serde_json::Value> {
    json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kode"] == kode)
        .collect()
}

#[test]
fn kode_dua_digit_tahun_2022_sah_dan_padanannya_disebut() {
    // samples/bontang-barat-2022/README.md (from seed 001 Tabel 19 row 890): this name is
    // numbered 0004 in the nomenclature (line 7669: X.XX.01.2.02.0004 Koordinasi dan
    // Pelaksanaan Akuntansi SKPD), 0002 being another sub kegiatan.
    let json = periksa_semua_json(&[akar(AKUNTANSI)], 0);
    assert_eq!(json["ringkasan"]["galat"], 0, "{json:#}");
    assert_eq!(json["ringkasan"]["peringatan"], 0, "{json:#}");
    let lama = dengan_kode(&json, "DPA_KODE_LAMA");
    assert_eq!(lama.len(), 1, "{json:#}");
    assert_eq!(lama[0]["tingkat"], "info");
    let pesan = lama[0]["pesan"].as_str().unwrap();
    assert!(pesan.contains("sah untuk TA 2022"), "{pesan}");
    assert!(pesan.contains("7.01.01.2.02.0004"), "{pesan}");
    // A code right for its year is not "corrected".
    assert!(lama[0]["seharusnya"].is_null(), "{:#}", lama[0]);
}

#[test]
fn nama_yang_bukan_milik_kodenya_dan_kode_yang_tidak_ada() {
    // The sub kegiatan written with its 4-digit code and the name of 0001 (line 7653:
    // X.XX.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah), and the kegiatan
    // given a number the list does not have (X.XX.01.2.19).
    let (_d1, salinan) = salin_dengan(
        KOORDINASI,
        SUB_KOORDINASI,
        "7.01.01.2.01.0006 Penyusunan Dokumen Perencanaan Perangkat Daerah",
    );
    let json = periksa_semua_json(&[salinan], 0);
    let nama = dengan_kode(&json, "DPA_NAMA_NOMENKLATUR");
    assert_eq!(nama.len(), 1, "{json:#}");
    assert_eq!(nama[0]["tingkat"], "peringatan");
    assert_eq!(nama[0]["lokasi"]["sel"], "G23");
    // Line 7658: X.XX.01.2.01.0006 Koordinasi dan Penyusunan Laporan Capaian Kinerja dan
    // Ikhtisar Realisasi Kinerja SKPD.
    assert_eq!(
        nama[0]["seharusnya"],
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"
    );
    let pesan = nama[0]["pesan"].as_str().unwrap();
    assert!(pesan.contains("milik kode 7.01.01.2.01.0001"), "{pesan}");

    let (_d2, salinan) = salin_dengan(
        KOORDINASI,
        "7.01.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "7.01.01.2.19 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    );
    let json = periksa_semua_json(&[salinan], 0);
    let tidak = dengan_kode(&json, "DPA_KODE_TIDAK_ADA");
    assert_eq!(tidak.len(), 1, "{json:#}");
    assert!(
        tidak[0]["pesan"]
            .as_str()
            .unwrap()
            .contains("kode kegiatan 7.01.01.2.19"),
        "{:#}",
        tidak[0]
    );
}

/// Tabel 17's rows by their column A text: (indikator, PERMENDAGRI).
fn tabel_17(keluaran: &std::path::Path) -> Vec<(String, String, String)> {
    lembar(keluaran, "Tabel 17")
        .iter()
        .map(|b| {
            (
                b.first().map(teks).unwrap_or_default(),
                b.get(1).map(teks).unwrap_or_default(),
                b.get(2).map(teks).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn kolom_permendagri_tabel_17_dilengkapi_dari_nomenklatur() {
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("lkjip.xlsx");
    lkjip()
        .args(["susun", "samples/bontang-barat-2022", "-o"])
        .arg(&keluaran)
        .current_dir(akar(""))
        .assert()
        .success();
    let baris = tabel_17(&keluaran);
    let cari = |nama: &str| {
        baris
            .iter()
            .find(|(a, _, _)| a == nama)
            .unwrap_or_else(|| panic!("{nama} di Tabel 17"))
            .clone()
    };
    // The kinerja workbook gives no indikator for this sub kegiatan (seed 001 Tabel 17 has
    // none): line 7666, X.XX.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN, indikator
    // "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN".
    let gaji = cari("Penyediaan Gaji dan Tunjangan ASN");
    assert_eq!(gaji.1, "");
    assert_eq!(gaji.2, "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN");
    // 7.01.01.2.02.02 is 0004 by its name (line 7669).
    let akuntansi = cari("Koordinasi dan Pelaksanaan Akuntansi SKPD");
    assert_eq!(
        akuntansi.2,
        "Jumlah Dokumen Koordinasi dan Pelaksanaan Akuntansi SKPD"
    );
    // Given by the kinerja workbook (seed 001 Tabel 17 row 716): kept as written.
    let dokumen = cari("Penyusunan Dokumen Perencanaan Perangkat Daerah");
    assert_eq!(dokumen.2, "Jumlah Dokumen Perencanaan Perangkat Daerah");
    // Each completion is an info that names the rule.
    let json = periksa_semua_json(&[akar("samples/bontang-barat-2022")], 0);
    let isi = dengan_kode(&json, "PERMENDAGRI_DARI_NOMENKLATUR");
    assert!(
        isi.iter().any(|t| {
            let p = t["pesan"].as_str().unwrap();
            p.contains("7.01.01.2.02.01") && p.contains("dilebarkan menjadi 7.01.01.2.02.0001")
        }),
        "{json:#}"
    );
    assert!(isi.iter().all(|t| t["tingkat"] == "info"));
    assert_eq!(temuan_tingkat(&json, "galat").len(), 0);
}

#[test]
fn nomenklatur_dari_berkas_dipakai_dan_berkas_rusak_ditolak() {
    let dir = tempfile::tempdir().unwrap();
    // A list of two sub kegiatan: one with its own indikator text, and a row of bidang
    // 7.01 KECAMATAN (line 7457 of the embedded list) so that the list knows the bidang a
    // cross-cutting X.XX code is written under.
    let csv = dir.path().join("nomenklatur-baru.csv");
    std::fs::write(
        &csv,
        "jenis_pemda,bidang,program,kegiatan,sub_kegiatan,kinerja,indikator,satuan\n\
         KABKOT,X.XX URUSAN PEMERINTAHAN BIDANG XX,X.XX.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA,X.XX.01.2.02 Administrasi Keuangan Perangkat Daerah,X.XX.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN,Gaji Terbayar,Jumlah ASN Penerima Gaji (uji),Orang\n\
         KABKOT,7.01 KECAMATAN,7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK,7.01.02.2.01 Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan,7.01.02.2.01.0002 Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan,Meningkatnya Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan,Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan,Dokumen\n",
    )
    .unwrap();
    let keluaran = dir.path().join("lkjip.xlsx");
    let out = lkjip()
        .args(["susun", "samples/bontang-barat-2022", "-o"])
        .arg(&keluaran)
        .arg("--nomenklatur")
        .arg(&csv)
        .current_dir(akar(""))
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(2 sub kegiatan)"), "{stderr}");
    let gaji = tabel_17(&keluaran)
        .into_iter()
        .find(|(a, _, _)| a == "Penyediaan Gaji dan Tunjangan ASN")
        .unwrap();
    assert_eq!(gaji.2, "Jumlah ASN Penerima Gaji (uji)");

    let rusak = dir.path().join("rusak.csv");
    std::fs::write(&rusak, "kode;nama\n1;2\n").unwrap();
    let out = lkjip()
        .args([
            "periksa",
            "samples/bontang-barat-2022/pk.xlsx",
            "--nomenklatur",
        ])
        .arg(&rusak)
        .current_dir(akar(""))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rusak.csv"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
