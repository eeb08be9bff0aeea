//! `lkjip konversi --format csv`: the tables of the workbook as CSV files in a folder, with
//! the pagu of `samples/bontang-barat-2022/dpa/README.md` (= seed 001 Tabel 19); the output
//! checks before any work; and no progress bar on a pipe.

use crate::bantu::{akar, indo, lembar, lkjip, teks};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::str::FromStr;

const DPA: &str = "samples/bontang-barat-2022/dpa";

/// Three rincian exports, with their pagu from the README's table.
const TIGA: [(&str, &str, &str); 3] = [
    (
        "DPA-RINCIAN_7.01.01.2.01.01_Penyusunan_Dokumen_Perencanaan_Perangkat_Daerah.xlsx",
        "7.01.01.2.01.01",
        "1.698.100",
    ),
    (
        "DPA-RINCIAN_7.01.01.2.02.01_Penyediaan_Gaji_dan_Tunjangan_ASN.xlsx",
        "7.01.01.2.02.01",
        "10.559.602.048",
    ),
    (
        "DPA-RINCIAN_7.01.01.2.05.02_Pengadaan_Pakaian_Dinas_Beserta_Atribut_Kelengkapannya.xlsx",
        "7.01.01.2.05.02",
        "144.256.468",
    ),
];

fn folder_tiga(dir: &Path) -> PathBuf {
    let masukan = dir.join("masukan");
    std::fs::create_dir_all(&masukan).unwrap();
    for (nama, _, _) in TIGA {
        std::fs::copy(akar(&format!("{DPA}/{nama}")), masukan.join(nama)).unwrap();
    }
    masukan
}

/// A CSV file's records, its byte-order mark checked and taken off.
fn baca_csv(p: &Path) -> Vec<Vec<String>> {
    let isi = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let isi = isi
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or_else(|| panic!("{}: tanpa BOM UTF-8", p.display()));
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(isi)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_memuat_baris_buku_kerja_dengan_pagu_sampel() {
    let dir = tempfile::tempdir().unwrap();
    let masukan = folder_tiga(dir.path());
    let xlsx = dir.path().join("dpa.xlsx");
    lkjip()
        .args(["konversi", "-o"])
        .arg(&xlsx)
        .arg(&masukan)
        .assert()
        .success();
    let folder = dir.path().join("csv");
    let hasil = lkjip()
        .args(["konversi", "--format", "csv", "-o"])
        .arg(&folder)
        .arg(&masukan)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("3 sub kegiatan"), "{stderr}");
    // Five files, and no temporary file left behind.
    let mut ada: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    ada.sort();
    assert_eq!(
        ada,
        [
            "indikator.csv",
            "rincian.csv",
            "status.csv",
            "sub-kegiatan.csv",
            "temuan.csv"
        ]
    );
    // Sub Kegiatan: the README's pagu in the Jumlah column, exactly, as plain decimals.
    let sub = baca_csv(&folder.join("sub-kegiatan.csv"));
    assert_eq!(sub[0][1], "Kode");
    assert_eq!(sub[0][7], "Jumlah");
    assert_eq!(sub.len(), 1 + TIGA.len());
    for (_, kode, pagu) in TIGA {
        let baris = sub
            .iter()
            .find(|r| r[1] == kode)
            .unwrap_or_else(|| panic!("{kode}: {sub:?}"));
        assert_eq!(
            Decimal::from_str(&baris[7]).unwrap(),
            indo(pagu),
            "{baris:?}"
        );
        assert!(!baris[7].contains(','), "{baris:?}");
    }
    // Every sheet has as many rows in its CSV as in the workbook (title, blank and header
    // rows there; the header row alone here), the first columns alike.
    for (nama_lembar, nama_csv) in [
        ("Sub Kegiatan", "sub-kegiatan.csv"),
        ("Rincian", "rincian.csv"),
        ("Indikator", "indikator.csv"),
        ("Status", "status.csv"),
        ("Temuan", "temuan.csv"),
    ] {
        let buku: Vec<String> = lembar(&xlsx, nama_lembar)
            .iter()
            .skip(3)
            .map(|r| teks(&r[0]))
            .collect();
        let csv: Vec<String> = baca_csv(&folder.join(nama_csv))
            .iter()
            .skip(1)
            .map(|r| r[0].clone())
            .collect();
        assert_eq!(csv.len(), buku.len(), "{nama_lembar}");
        if nama_lembar != "Status" {
            assert_eq!(csv, buku, "{nama_lembar}");
        }
    }
    // The Rincian lines of one DPA add up to its pagu.
    let rincian = baca_csv(&folder.join("rincian.csv"));
    let jumlah: Decimal = rincian
        .iter()
        .skip(1)
        .filter(|r| r[0] == "7.01.01.2.05.02")
        .map(|r| Decimal::from_str(&r[9]).unwrap())
        .sum();
    assert_eq!(jumlah, indo("144.256.468"));
}

#[test]
fn keluaran_csv_yang_berupa_berkas_ditolak() {
    let dir = tempfile::tempdir().unwrap();
    let masukan = folder_tiga(dir.path());
    let berkas = dir.path().join("hasil.csv");
    std::fs::write(&berkas, "isi lama").unwrap();
    let hasil = lkjip()
        .args(["konversi", "--format", "csv", "-o"])
        .arg(&berkas)
        .arg(&masukan)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("folder keluaran tidak dapat dibuat atau ditulisi")
            && stderr.contains("sudah ada berkas bernama itu"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&berkas).unwrap(), "isi lama");
}

#[test]
fn keluaran_csv_tidak_menimpa_masukan() {
    // A folder holding a CSV named as an output file: it is an input, so it is never
    // overwritten, and the run says why before any work.
    let dir = tempfile::tempdir().unwrap();
    let masukan = folder_tiga(dir.path());
    std::fs::write(masukan.join("status.csv"), "a;b\n1;2\n").unwrap();
    let hasil = lkjip()
        .args(["konversi", "--format", "csv", "-o"])
        .arg(&masukan)
        .arg(&masukan)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("berkas masukan tidak pernah ditimpa"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(masukan.join("status.csv")).unwrap(),
        "a;b\n1;2\n"
    );
    assert!(!masukan.join("rincian.csv").exists());
}

#[test]
fn tanpa_bilah_kemajuan_di_pipa() {
    // stdout and stderr are pipes here (assert_cmd): the summary lines only, no bar, no
    // escape sequence, no carriage return that redraws a line.
    let dir = tempfile::tempdir().unwrap();
    let masukan = folder_tiga(dir.path());
    let hasil = lkjip()
        .args(["konversi", "--jobs", "2", "-o"])
        .arg(dir.path().join("dpa.xlsx"))
        .arg(&masukan)
        .assert()
        .success();
    let keluaran = hasil.get_output();
    let stderr = String::from_utf8_lossy(&keluaran.stderr).to_string();
    assert!(stderr.contains("ditulis"), "{stderr}");
    for tanda in [
        "\u{1b}",
        "\r",
        "█",
        "░",
        "▏",
        "berjalan",
        "sisa ±",
        "/3 berkas",
    ] {
        assert!(!stderr.contains(tanda), "{tanda:?} di stderr: {stderr:?}");
    }
    assert!(keluaran.stdout.is_empty(), "{:?}", keluaran.stdout);
}
