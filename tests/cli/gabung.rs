//! Several inputs at once: parts of one budget are summed, versions of one table are not.

use crate::bantu::{angka, indo, lembar, lkjip, teks};
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// A small LRA of one organisation: urusan 7, bidang 7.01, the organisation, one program,
/// kegiatan and sub kegiatan of `pagu` / `realisasi`, and JUMLAH.
fn lra(berkas: &Path, kode_org: &str, nama_org: &str, pagu: f64, realisasi: f64) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("LRA").unwrap();
    ws.write_string(0, 0, "LAPORAN REALISASI ANGGARAN TAHUN ANGGARAN 2022")
        .unwrap();
    for (c, judul) in ["Kode", "Uraian", "Anggaran", "Realisasi"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *judul).unwrap();
    }
    let baris = [
        ("7", "UNSUR KEWILAYAHAN"),
        ("7.01", "KECAMATAN"),
        (kode_org, nama_org),
        (
            "7.01.02",
            "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
        ),
        (
            "7.01.02.2.01",
            "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
        ),
        (
            "7.01.02.2.01.01",
            "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
        ),
        ("", "JUMLAH"),
    ];
    for (i, (kode, uraian)) in baris.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *kode).unwrap();
        ws.write_string(r, 1, *uraian).unwrap();
        ws.write_number(r, 2, pagu).unwrap();
        ws.write_number(r, 3, realisasi).unwrap();
    }
    wb.save(berkas).unwrap();
}

#[test]
fn bagian_dijumlahkan_versi_tidak() {
    let dir = tempfile::tempdir().unwrap();
    let masuk = dir.path().join("masuk");
    std::fs::create_dir(&masuk).unwrap();
    lra(
        &masuk.join("a.xlsx"),
        "7.01.0.00.0.00.30.0000",
        "KECAMATAN A",
        100.0,
        80.0,
    );
    lra(
        &masuk.join("b.xlsx"),
        "7.01.0.00.0.00.31.0000",
        "KECAMATAN B",
        200.0,
        150.0,
    );
    // The same table as b.xlsx, saved again under another name.
    lra(
        &masuk.join("b-salinan.xlsx"),
        "7.01.0.00.0.00.31.0000",
        "KECAMATAN B",
        200.0,
        150.0,
    );
    let keluaran = dir.path().join("tabel.xlsx");
    let hasil = lkjip()
        .arg("susun")
        .arg(&masuk)
        .arg("-o")
        .arg(&keluaran)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("b.xlsx › LRA: versi lain"), "{stderr}");
    // 100 + 200 and 80 + 150: two parts, the copy not counted.
    let t18 = lembar(&keluaran, "Tabel 18");
    assert_eq!(teks(&t18[3][1]), "KECAMATAN A");
    assert_eq!(teks(&t18[4][1]), "KECAMATAN B");
    assert_eq!(teks(&t18[5][1]), "Jumlah");
    assert_eq!(angka(&t18[5][2]), Some(indo("300")));
    assert_eq!(angka(&t18[5][3]), Some(indo("230")));
    // One urusan and one bidang row, holding both organisations.
    let t19 = lembar(&keluaran, "Tabel 19");
    assert_eq!(t19.iter().filter(|r| teks(&r[0]) == "7.01").count(), 1);
    assert_eq!(angka(&t19[4][2]), Some(indo("300")));
    assert_eq!(
        teks(&t19[0][0]),
        "Tabel 19 Realisasi Anggaran per Program dan Kegiatan Tahun 2022"
    );
}
