//! HTML saved as `.xls` (SIPD helper tools) and CSV, read by the binary as workbooks: the
//! reading child process, the recognisers and the writer see them as they see an xlsx.
//! Numbers are Indonesian text in these files (`3.500.000`); if a reader turned `3.500` into
//! 3,5 the sums below would not hold.

use crate::bantu::{angka, lembar, lkjip, teks};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// A realisasi table as the HTML an export tool writes: a title row, a two-row header with
/// `rowspan`/`colspan`, entities, and every number as Indonesian text. `persen_06` is the
/// stated % of the second sub kegiatan (1.200.000 of 1.500.000 is 80,00).
fn lra_html(persen_06: &str) -> String {
    format!(
        r#"<html><head><meta charset="windows-1252"><title>LRA Kecamatan</title></head><body>
<table border=1>
<tr><td colspan=6>LAPORAN REALISASI ANGGARAN TAHUN ANGGARAN 2022</td></tr>
<tr><th rowspan=2>Kode</th><th rowspan=2>Uraian</th><th rowspan=2>Anggaran</th><th colspan=2>Realisasi</th><th rowspan=2>Sisa Anggaran</th></tr>
<tr><th>Rp</th><th>%</th></tr>
<tr><td>7.01.01</td><td>PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA</td><td>3.500.000</td><td>3.000.000</td><td>85,71</td><td>500.000</td></tr>
<tr><td>7.01.01.2.01</td><td>Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah</td><td>3.500.000</td><td>3.000.000</td><td>85,71</td><td>500.000</td></tr>
<tr><td>7.01.01.2.01.01</td><td>Penyusunan Dokumen Perencanaan Perangkat Daerah</td><td>2.000.000</td><td>1.800.000</td><td>90,00</td><td>200.000</td></tr>
<tr><td>7.01.01.2.01.06</td><td>Koordinasi dan Penyusunan Laporan Capaian Kinerja &amp; Ikhtisar Realisasi Kinerja SKPD</td><td>1.500.000</td><td>1.200.000</td><td>{persen_06}</td><td>300.000</td></tr>
</table></body></html>"#
    )
}

/// The same table as a semicolon CSV in Windows-1252 (`\xE9` is é), CRLF, one header row.
fn lra_csv(persen_06: &str) -> Vec<u8> {
    let mut b = Vec::new();
    for baris in [
        "LAPORAN REALISASI ANGGARAN TAHUN ANGGARAN 2022;;;;;".to_string(),
        "Kode;Uraian;Anggaran;Realisasi;%;Sisa Anggaran".to_string(),
        "7.01.01;PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA;3.500.000;3.000.000;85,71;500.000".to_string(),
        "7.01.01.2.01;\"Perencanaan, Penganggaran; dan Evaluasi Kinerja Perangkat Daerah\";3.500.000;3.000.000;85,71;500.000".to_string(),
        "7.01.01.2.01.01;Penyusunan Dokumen Perencanaan Perangkat Daerah;2.000.000;1.800.000;90,00;200.000".to_string(),
        format!("7.01.01.2.01.06;Koordinasi dan Penyusunan Laporan Capaian Kinerja (\u{e9});1.500.000;1.200.000;{persen_06};300.000"),
    ] {
        let (t, _, _) = encoding_rs::WINDOWS_1252.encode(&baris);
        b.extend_from_slice(&t);
        b.extend_from_slice(b"\r\n");
    }
    b
}

fn tulis(dir: &Path, nama: &str, isi: &[u8]) -> PathBuf {
    let p = dir.join(nama);
    std::fs::write(&p, isi).unwrap();
    p
}

fn periksa(berkas: &Path, kode: i32) -> (String, String) {
    let hasil = lkjip().arg("periksa").arg(berkas).assert().code(kode);
    let keluaran = hasil.get_output();
    (
        String::from_utf8_lossy(&keluaran.stdout).into_owned(),
        String::from_utf8_lossy(&keluaran.stderr).into_owned(),
    )
}

#[test]
fn html_bernama_xls_diperiksa_seperti_buku_kerja() {
    let dir = tempfile::tempdir().unwrap();
    let benar = tulis(dir.path(), "lra.xls", lra_html("80,00").as_bytes());
    let (stdout, stderr) = periksa(&benar, 0);
    assert!(stderr.contains("dipakai    "), "{stderr}");
    assert!(
        stderr.contains("lra.xls › LRA Kecamatan (4 baris)"),
        "{stderr}"
    );
    assert!(
        stdout.contains("Ringkasan: 0 galat, 0 peringatan, 0 info dari 1 lembar."),
        "{stdout}"
    );
    // One wrong %, reported at its cell: row 7 of the table (title, two header rows, four
    // rows), column E.
    let salah = tulis(dir.path(), "lra-salah.xls", lra_html("81,00").as_bytes());
    let (stdout, _) = periksa(&salah, 1);
    assert!(
        stdout.contains("galat [PERSEN_SALAH] ")
            && stdout.contains("lra-salah.xls › LRA Kecamatan › E7: "),
        "{stdout}"
    );
    assert!(stdout.contains("seharusnya 80,00"), "{stdout}");
}

#[test]
fn csv_titik_koma_windows_1252_diperiksa_seperti_buku_kerja() {
    let dir = tempfile::tempdir().unwrap();
    let benar = tulis(dir.path(), "lra.csv", &lra_csv("80,00"));
    let (stdout, stderr) = periksa(&benar, 0);
    assert!(stderr.contains("lra.csv › lra (4 baris)"), "{stderr}");
    assert!(stdout.contains("Ringkasan: 0 galat"), "{stdout}");
    let salah = tulis(dir.path(), "lra-salah.csv", &lra_csv("81,00"));
    let (stdout, _) = periksa(&salah, 1);
    assert!(
        stdout.contains("lra-salah.csv › lra-salah › E6: "),
        "{stdout}"
    );
    // The Windows-1252 é and the quoted semicolon come through.
    assert!(stdout.contains("Capaian Kinerja (é)"), "{stdout}");
}

/// `susun` on the HTML table writes Tabel 19 with the pagu as read from Indonesian text.
#[test]
fn susun_dari_html_menulis_pagu_dari_teks_indonesia() {
    let dir = tempfile::tempdir().unwrap();
    let masukan = tulis(dir.path(), "lra.xls", lra_html("80,00").as_bytes());
    let keluaran = dir.path().join("tabel.xlsx");
    lkjip()
        .arg("susun")
        .arg(&masukan)
        .arg("-o")
        .arg(&keluaran)
        .arg("--tabel")
        .arg("19")
        .assert()
        .code(0);
    let isi = lembar(&keluaran, "Tabel 19");
    let baris = isi
        .iter()
        .find(|b| {
            b.iter()
                .any(|d| teks(d).contains("Penyusunan Dokumen Perencanaan"))
        })
        .expect("baris sub kegiatan 7.01.01.2.01.01 di Tabel 19");
    let nilai: Vec<Decimal> = baris.iter().filter_map(angka).collect();
    assert!(
        nilai.contains(&Decimal::from(2_000_000)) && nilai.contains(&Decimal::from(1_800_000)),
        "{baris:?}"
    );
}

#[test]
fn folder_membaca_html_dan_csv() {
    let dir = tempfile::tempdir().unwrap();
    tulis(dir.path(), "a-lra.xls", lra_html("80,00").as_bytes());
    tulis(dir.path(), "b-lra.csv", &lra_csv("80,00"));
    tulis(dir.path(), "catatan.txt", b"bukan buku kerja");
    let (stdout, stderr) = periksa(dir.path(), 0);
    assert!(
        stderr.contains("a-lra.xls › LRA Kecamatan (4 baris)"),
        "{stderr}"
    );
    assert!(stderr.contains("b-lra.csv › b-lra (4 baris)"), "{stderr}");
    assert!(
        stderr.contains("catatan.txt")
            && stderr.contains("bukan buku kerja (xlsx, xlsm, xlsb, xls, ods, csv, htm, html)"),
        "{stderr}"
    );
    assert!(stdout.contains("Ringkasan: 0 galat"), "{stdout}");
}

/// Bounds answered through the reading child process: a message naming the file, exit 2.
#[test]
fn html_bersarang_tak_berujung_dan_csv_petik_terbuka_dihentikan() {
    let dir = tempfile::tempdir().unwrap();
    let sarang = tulis(
        dir.path(),
        "sarang.xls",
        "<table><tr><td>x".repeat(200_000).as_bytes(),
    );
    let (_, stderr) = periksa(&sarang, 2);
    assert!(
        stderr.contains("sarang.xls: berkas rusak atau terpotong (lebih dari 64 tabel bersarang di dalam sel tabel lain)"),
        "{stderr}"
    );
    let mut petik = b"Kode;Uraian\n7.01;\"".to_vec();
    petik.resize(petik.len() + (17 << 20), b'x');
    let petik = tulis(dir.path(), "petik.csv", &petik);
    let (_, stderr) = periksa(&petik, 2);
    assert!(
        stderr.contains("petik.csv › petik: lembar tidak dapat dibaca (baris 2 lebih dari 16 MB; mungkin tanda petik yang tidak ditutup)"),
        "{stderr}"
    );
}
