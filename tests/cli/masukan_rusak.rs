//! Bad input: each case gets one clear Indonesian message naming what and where, exit code
//! 2, and nothing written — no output file, no temporary file beside it, the input
//! untouched.

use crate::bantu::{akar, lkjip};
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

/// Runs `lkjip susun INPUT -o DIR/keluar.xlsx` and checks the failure contract; returns
/// stderr for the case's own assertions.
fn susun_gagal(masukan: &[&Path], dir: &Path) -> String {
    let keluaran = dir.join("keluar").join("tabel.xlsx");
    let sebelum: Vec<Vec<u8>> = masukan
        .iter()
        .map(|m| std::fs::read(m).unwrap_or_default())
        .collect();
    let hasil = lkjip()
        .arg("susun")
        .args(masukan)
        .arg("-o")
        .arg(&keluaran)
        .current_dir(akar(""))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.starts_with("galat: "), "{stderr}");
    assert!(!keluaran.exists(), "keluaran tidak boleh ditulis");
    if let Ok(isi) = std::fs::read_dir(keluaran.parent().unwrap()) {
        let sisa: Vec<_> = isi.filter_map(Result::ok).map(|e| e.file_name()).collect();
        assert!(sisa.is_empty(), "berkas sementara tertinggal: {sisa:?}");
    }
    for (m, isi) in masukan.iter().zip(sebelum) {
        assert_eq!(
            std::fs::read(m).unwrap_or_default(),
            isi,
            "masukan {} berubah",
            m.display()
        );
    }
    stderr
}

/// `periksa` must fail the same way, with nothing on stdout even in JSON.
fn periksa_gagal(masukan: &Path) -> String {
    let hasil = lkjip()
        .args(["periksa", "--format", "json"])
        .arg(masukan)
        .current_dir(akar(""))
        .assert()
        .code(2);
    assert!(hasil.get_output().stdout.is_empty());
    String::from_utf8_lossy(&hasil.get_output().stderr).to_string()
}

fn berkas(dir: &Path, nama: &str, isi: &[u8]) -> PathBuf {
    let p = dir.join(nama);
    std::fs::write(&p, isi).unwrap();
    p
}

/// A one-sheet LRA: header Kode | Uraian | Anggaran | Realisasi at row 3, then rows.
fn lra(p: &Path, baris: &[(&str, &str, &str, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("LRA").unwrap();
    for (c, judul) in ["Kode", "Uraian", "Anggaran", "Realisasi"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *judul).unwrap();
    }
    for (i, (kode, uraian, pagu, realisasi)) in baris.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *kode).unwrap();
        ws.write_string(r, 1, *uraian).unwrap();
        ws.write_string(r, 2, *pagu).unwrap();
        ws.write_string(r, 3, *realisasi).unwrap();
    }
    wb.save(p).unwrap();
}

#[test]
fn bukan_buku_kerja() {
    let dir = tempfile::tempdir().unwrap();
    let teks = berkas(
        dir.path(),
        "catatan.xlsx",
        b"Kode;Uraian;Pagu\n7;UNSUR;1000\n",
    );
    let pdf = berkas(
        dir.path(),
        "laporan.xlsx",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    );
    for p in [&teks, &pdf] {
        let stderr = susun_gagal(&[p], dir.path());
        assert!(stderr.contains(&p.display().to_string()), "{stderr}");
        assert!(stderr.contains("bukan buku kerja Excel"), "{stderr}");
    }
}

#[test]
fn xlsx_terpotong_atau_rusak() {
    let dir = tempfile::tempdir().unwrap();
    let utuh = std::fs::read(akar("samples/bontang-barat-2022/realisasi.xlsx")).unwrap();
    let terpotong = berkas(dir.path(), "terpotong.xlsx", &utuh[..utuh.len() / 2]);
    let stderr = susun_gagal(&[&terpotong], dir.path());
    assert!(stderr.contains("terpotong.xlsx"), "{stderr}");
    assert!(stderr.contains("rusak atau terpotong"), "{stderr}");
    // A zip that is no workbook: a valid archive header followed by garbage.
    let mut sampah = b"PK\x03\x04".to_vec();
    sampah.extend(std::iter::repeat_n(0x5a, 300));
    let zip = berkas(dir.path(), "sampah.xlsx", &sampah);
    let stderr = susun_gagal(&[&zip], dir.path());
    assert!(
        stderr.contains("sampah.xlsx") && stderr.contains("rusak atau terpotong"),
        "{stderr}"
    );
}

#[test]
fn berkas_berkata_sandi() {
    // tests/data/terkunci.xlsx: the sample encrypted with the password `rahasia`.
    let dir = tempfile::tempdir().unwrap();
    let terkunci = akar("tests/data/terkunci.xlsx");
    let stderr = susun_gagal(&[&terkunci], dir.path());
    assert!(stderr.contains("terkunci.xlsx"), "{stderr}");
    assert!(stderr.contains("dilindungi kata sandi"), "{stderr}");
    assert!(periksa_gagal(&terkunci).contains("dilindungi kata sandi"));
}

#[test]
fn tanpa_judul_kolom_yang_dikenali() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("pegawai.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Pegawai").unwrap();
    ws.write_row(0, 0, ["Nama", "NIP", "Jabatan"]).unwrap();
    ws.write_row(1, 0, ["Ani", "1974", "Camat"]).unwrap();
    wb.save(&p).unwrap();
    let stderr = susun_gagal(&[&p], dir.path());
    assert!(stderr.contains("pegawai.xlsx"), "{stderr}");
    assert!(stderr.contains("lembar 'Pegawai'"), "{stderr}");
    // Says which headers were looked for.
    assert!(stderr.contains("dicari: Kode"), "{stderr}");
    assert!(stderr.contains("Realisasi"), "{stderr}");
}

#[test]
fn teks_bukan_angka_di_sel_rupiah() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("lra.xlsx");
    lra(
        &p,
        &[
            (
                "7.01.02",
                "PROGRAM PENYELENGGARAAN PEMERINTAHAN",
                "1.000.000",
                "900.000",
            ),
            (
                "7.01.02.2.01",
                "Koordinasi Penyelenggaraan Kegiatan",
                "1.000.000",
                "dua juta",
            ),
        ],
    );
    let stderr = susun_gagal(&[&p], dir.path());
    // file › sheet › cell, the text, and the column.
    assert!(stderr.contains("lra.xlsx › LRA › D5"), "{stderr}");
    assert!(stderr.contains("'dua juta'"), "{stderr}");
    assert!(stderr.contains("'Realisasi'"), "{stderr}");
    assert!(stderr.contains("bukan angka"), "{stderr}");
}

#[test]
fn buku_kerja_kosong_dan_tabel_tanpa_baris() {
    let dir = tempfile::tempdir().unwrap();
    let kosong = dir.path().join("kosong.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet();
    wb.save(&kosong).unwrap();
    let stderr = susun_gagal(&[&kosong], dir.path());
    assert!(
        stderr.contains("kosong.xlsx: tidak ada lembar berisi tabel realisasi"),
        "{stderr}"
    );

    let tanpa_baris = dir.path().join("judul-saja.xlsx");
    lra(&tanpa_baris, &[]);
    let stderr = susun_gagal(&[&tanpa_baris], dir.path());
    assert!(
        stderr.contains("judul-saja.xlsx › LRA: tabel ditemukan tetapi belum berisi data"),
        "{stderr}"
    );
}

#[test]
fn keluaran_tidak_dapat_ditulis() {
    let dir = tempfile::tempdir().unwrap();
    let sampel = akar("samples/bontang-barat-2022/realisasi.xlsx");
    // The output's folder is a regular file.
    let bukan_folder = berkas(dir.path(), "berkas-biasa", b"isi");
    for keluaran in [
        bukan_folder.join("tabel.xlsx"),
        PathBuf::from("/proc/lkjip-uji/tabel.xlsx"),
    ] {
        let hasil = lkjip()
            .arg("susun")
            .arg(&sampel)
            .arg("-o")
            .arg(&keluaran)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
        assert!(stderr.starts_with("galat: "), "{stderr}");
        assert!(stderr.contains(&keluaran.display().to_string()), "{stderr}");
        assert!(!keluaran.exists());
    }
    assert_eq!(std::fs::read(&bukan_folder).unwrap(), b"isi");
}

#[test]
fn keluaran_sama_dengan_masukan() {
    let dir = tempfile::tempdir().unwrap();
    let salinan = dir.path().join("realisasi.xlsx");
    std::fs::copy(akar("samples/bontang-barat-2022/realisasi.xlsx"), &salinan).unwrap();
    let isi = std::fs::read(&salinan).unwrap();
    // The same path, and the same file through another spelling of it.
    for keluaran in ["realisasi.xlsx", "./realisasi.xlsx", "../realisasi.xlsx"] {
        let kerja = if keluaran.starts_with("..") {
            let sub = dir.path().join("sub");
            std::fs::create_dir_all(&sub).unwrap();
            sub
        } else {
            dir.path().to_path_buf()
        };
        let hasil = lkjip()
            .args(["susun", salinan.to_str().unwrap(), "-o", keluaran])
            .current_dir(&kerja)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
        assert!(
            stderr.contains("sama dengan salah satu masukan"),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read(&salinan).unwrap(),
            isi,
            "masukan tidak boleh berubah"
        );
    }
}

#[test]
fn masukan_dan_pilihan_yang_salah() {
    let dir = tempfile::tempdir().unwrap();
    let sampel = akar("samples/bontang-barat-2022/realisasi.xlsx");
    let folder_kosong = dir.path().join("kosong");
    std::fs::create_dir(&folder_kosong).unwrap();
    let stderr = susun_gagal(&[&folder_kosong], dir.path());
    assert!(
        stderr.contains("folder tidak memuat buku kerja"),
        "{stderr}"
    );
    let stderr = susun_gagal(&[&dir.path().join("tidak-ada.xlsx")], dir.path());
    assert!(
        stderr.contains("tidak-ada.xlsx: berkas atau folder tidak ditemukan"),
        "{stderr}"
    );

    let hasil = lkjip()
        .arg("periksa")
        .arg(&sampel)
        .args(["--lembar", "REKAP"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("lembar 'REKAP' tidak ada"), "{stderr}");
    assert!(stderr.contains("LRA"), "{stderr}");

    let keluaran = dir.path().join("t.xlsx");
    let hasil = lkjip()
        .arg("susun")
        .arg(&sampel)
        .arg("-o")
        .arg(&keluaran)
        .args(["--tabel", "17"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("--tabel 17"), "{stderr}");
    assert!(!keluaran.exists());
}

/// A 2 KB xlsx with cells at A1 and XFD1048576: calamine's `worksheet_range` would allocate
/// rows × columns and abort; the streaming reader ignores the far cell.
#[test]
fn sel_di_ujung_lembar_tidak_menghabiskan_memori() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bom.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Uraian").unwrap();
    ws.write_string(1_048_575, 16_383, "ujung").unwrap();
    wb.save(&p).unwrap();
    assert!(std::fs::metadata(&p).unwrap().len() < 10_000);
    let stderr = susun_gagal(&[&p], dir.path());
    assert!(
        stderr.contains("bom.xlsx: tidak ada lembar berisi tabel"),
        "{stderr}"
    );
}

/// A formula whose result was never stored is reported, not read as 0.
#[test]
fn rumus_tanpa_hasil_dilaporkan() {
    let hasil = lkjip()
        .args([
            "periksa",
            "tests/data/lra-kode-terpisah-tanpa-cache.xlsx",
            "--format",
            "json",
        ])
        .current_dir(akar(""))
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&hasil.get_output().stdout).unwrap();
    let rumus: Vec<&serde_json::Value> = json["temuan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kode"] == "RUMUS_TANPA_HASIL")
        .collect();
    // The TOTAL anggaran, realisasi and % columns (J, K, L) are formulas from row 10.
    let sel: Vec<&str> = rumus
        .iter()
        .map(|t| t["lokasi"]["sel"].as_str().unwrap())
        .collect();
    assert_eq!(sel, ["J10", "K10", "L10"]);
    // The totals are not read as 0: they come from Operasi + Modal (17.050.664.373).
    let dir = tempfile::tempdir().unwrap();
    let keluaran = dir.path().join("t.xlsx");
    lkjip()
        .args([
            "susun",
            "tests/data/lra-kode-terpisah-tanpa-cache.xlsx",
            "-o",
        ])
        .arg(&keluaran)
        .current_dir(akar(""))
        .assert()
        .success();
    let t19 = crate::bantu::lembar(&keluaran, "Tabel 19");
    assert_eq!(
        crate::bantu::angka(&t19.last().unwrap()[2]),
        Some(crate::bantu::indo("17.050.664.373"))
    );
}

/// A batch with one unreadable file: `periksa` reports it, checks the others and exits 2;
/// `susun` writes nothing, since tables from part of the inputs would be wrong.
#[test]
fn satu_berkas_rusak_dalam_folder() {
    let dir = tempfile::tempdir().unwrap();
    let masuk = dir.path().join("masuk");
    std::fs::create_dir(&masuk).unwrap();
    std::fs::copy(
        akar("samples/bontang-barat-2022/realisasi.xlsx"),
        masuk.join("realisasi.xlsx"),
    )
    .unwrap();
    berkas(&masuk, "rusak.xlsx", b"bukan buku kerja");
    let hasil = lkjip().arg("periksa").arg(&masuk).assert().code(2);
    let stdout = String::from_utf8_lossy(&hasil.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("rusak.xlsx: bukan buku kerja Excel"),
        "{stderr}"
    );
    assert!(
        stdout.contains("Ringkasan: 0 galat, 0 peringatan, 0 info dari 1 lembar."),
        "{stdout}"
    );
    let stderr = susun_gagal(&[&masuk], dir.path());
    assert!(stderr.contains("rusak.xlsx"), "{stderr}");
}
