//! The DPA rincian a SIPD helper (wp-sipd) saves as an HTML table under an `.xls` name
//! (docs/dpa-tata-letak.md layout 6), read by the binary as one DPA: the page's tables are
//! one sheet stacked as Excel shows them, so every finding names the cell the user finds
//! when opening the file in Excel.
//!
//! The stacked layout of the sample (0-based rows; each table's `<tr>` counted in the file,
//! one empty row between two tables): title 0–1, key/value block 3–12, indikator 14–20, sub
//! kegiatan block 22–26, rincian 28–68 (header 28–29, `5 BELANJA DAERAH` 30, total 68),
//! Rencana Penarikan 70–83 (heading 70, Januari 71 … Desember 82, Jumlah 83), TAPD 85–89.
//! Columns: rincian `Kode Rekening | Uraian | Koefisien | Satuan | Harga | PPN | Jumlah` are
//! A–G; the Rencana Penarikan is `bulan | nilai` in A–B.

use crate::bantu::{akar, angka, indo, lembar, lkjip, periksa_semua_json, teks, temuan_tingkat};
use std::path::{Path, PathBuf};

const SAMPEL: &str = "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.02.2.02.01_Perencanaan_Kegiatan_Pelayanan_Kepada_Masyarakat_di_Kecamata.xls";
/// The sheet's name: the file's name without `.xls`, cut at Excel's 31 characters.
const LEMBAR: &str = "DPA-RINCIAN_7.01.02.2.02.01_Per";

/// The pagu of `7.01.02.2.02.01` as the sample folder's README states it (table "Pagu per
/// sub kegiatan", = Tabel 19 seed 001), not as any reader computes it.
fn pagu_readme() -> rust_decimal::Decimal {
    let readme = std::fs::read_to_string(akar("samples/bontang-barat-2022/dpa/README.md")).unwrap();
    let baris = readme
        .lines()
        .find(|l| l.starts_with("| Kecamatan Bontang Barat | `7.01.02.2.02.01`"))
        .expect("baris 7.01.02.2.02.01 di tabel Pagu per sub kegiatan");
    let kolom: Vec<&str> = baris.split('|').map(str::trim).collect();
    indo(kolom[3])
}

/// A copy of the sample, under its own name (the sheet's name comes from it), with the
/// `ke`-th occurrence (from 0) of `dari` after the text `setelah` replaced by `jadi`.
fn salin_ganti(setelah: &str, dari: &str, jadi: &str) -> (tempfile::TempDir, PathBuf) {
    let isi = std::fs::read_to_string(akar(SAMPEL)).unwrap();
    let awal = isi.find(setelah).expect("teks penanda ada di sampel");
    let i = awal + isi[awal..].find(dari).expect("teks yang diganti ada");
    let mut baru = isi.clone();
    baru.replace_range(i..i + dari.len(), jadi);
    let dir = tempfile::tempdir().unwrap();
    let tujuan = dir.path().join(Path::new(SAMPEL).file_name().unwrap());
    std::fs::write(&tujuan, baru).unwrap();
    (dir, tujuan)
}

/// The galat of `periksa --format json` as (kode, sheet, cell).
fn galat(json: &serde_json::Value) -> Vec<(String, String, String)> {
    temuan_tingkat(json, "galat")
        .into_iter()
        .map(|t| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (
                s(&t["kode"]),
                s(&t["lokasi"]["lembar"]),
                s(&t["lokasi"]["sel"]),
            )
        })
        .collect()
}

#[test]
fn sampel_html_dibaca_satu_dpa_tanpa_galat() {
    let json = periksa_semua_json(&[akar(SAMPEL)], 0);
    let r = &json["ringkasan"];
    assert_eq!(r["galat"], 0, "{json:#}");
    let dipakai = r["dipakai"].as_array().unwrap();
    assert_eq!(dipakai.len(), 1, "{json:#}");
    assert_eq!(dipakai[0]["lembar"], format!("{LEMBAR} (rincian DPA)"));
    // The signature block inside a cell is part of the sheet, not a sheet passed over.
    assert_eq!(r["dilewati"].as_array().unwrap().len(), 0, "{json:#}");

    // The pagu as read, through `konversi`'s Sub Kegiatan sheet: the README's.
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("dpa.xlsx");
    lkjip()
        .arg("konversi")
        .arg(akar(SAMPEL))
        .arg("-o")
        .arg(&keluaran)
        .assert()
        .code(0);
    let sub = lembar(&keluaran, "Sub Kegiatan");
    let kepala = sub
        .iter()
        .position(|b| b.first().map(teks).as_deref() == Some("Unit"))
        .unwrap();
    let kol = |nama: &str| sub[kepala].iter().position(|d| teks(d) == nama).unwrap();
    let baris: Vec<_> = sub[kepala + 1..]
        .iter()
        .filter(|b| !teks(&b[0]).is_empty())
        .collect();
    assert_eq!(baris.len(), 1, "{sub:?}");
    assert_eq!(teks(&baris[0][kol("Kode")]), "7.01.02.2.02.01");
    assert_eq!(teks(&baris[0][kol("Unit")]), "KECAMATAN BONTANG BARAT");
    assert_eq!(angka(&baris[0][kol("Jumlah")]), Some(pagu_readme()));
    assert_eq!(pagu_readme(), indo("31.003.454"));
}

/// `konversi` on the whole sample folder lists the `.xls` as read.
#[test]
fn konversi_folder_membaca_xls_html() {
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("x.xlsx");
    lkjip()
        .arg("konversi")
        .arg(akar("samples/bontang-barat-2022/dpa"))
        .arg("-o")
        .arg(&keluaran)
        .assert()
        .code(0);
    let status = lembar(&keluaran, "Status");
    let baris = status
        .iter()
        .find(|b| teks(&b[0]).ends_with(".xls"))
        .expect("baris Status berkas .xls");
    assert_eq!(teks(&baris[1]), "dibaca", "{baris:?}");
    assert_eq!(angka(&baris[2]), Some(1.into()), "{baris:?}");
}

/// Ballpoint's jumlah `Rp. 560.000` (160 Buah × 3.500) written 570.000: the galat is at
/// its cell. Ballpoint is the rincian table's row 10 (0-based: the two header rows, six
/// rekening rows `5` … `5.1.02.01.01.0024`, `[#]` and `[-]`), so row 28 + 10 = 38 of the
/// sheet, Excel row 39; Jumlah is column G.
#[test]
fn jumlah_item_salah_di_selnya() {
    let (_dir, salinan) = salin_ganti("Ballpoint", "Rp. 560.000", "Rp. 570.000");
    let json = periksa_semua_json(&[salinan], 1);
    assert_eq!(
        galat(&json),
        vec![("DPA_SALAH_KETIK".into(), LEMBAR.into(), "G39".into())],
        "{json:#}"
    );
}

/// One month of the Rencana Penarikan written one rupiah more (Maret, 3.875.431 →
/// 3.875.432): the twelve months no longer give the Jumlah, and which of the thirteen cells
/// is wrong cannot be told, so the galat is at the Jumlah: table row 13 from row 70, sheet
/// row 83, Excel row 84, column B.
#[test]
fn bulan_penarikan_salah_dilaporkan_di_jumlahnya() {
    let (_dir, salinan) = salin_ganti("Maret</td>", "Rp 3.875.431", "Rp 3.875.432");
    let json = periksa_semua_json(&[salinan], 1);
    assert_eq!(
        galat(&json),
        vec![("DPA_JUMLAH_PENARIKAN".into(), LEMBAR.into(), "B84".into())],
        "{json:#}"
    );
    let t = &temuan_tingkat(&json, "galat")[0];
    assert_eq!(t["tertulis"], "31.003.454");
    assert_eq!(t["seharusnya"], "31.003.455");
}
