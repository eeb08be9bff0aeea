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
        stderr.contains("kosong.xlsx: tidak ada lembar yang dikenali"),
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
        .args(["--tabel", "20"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(stderr.contains("--tabel 20"), "{stderr}");
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
        stderr.contains("bom.xlsx: tidak ada lembar yang dikenali"),
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

/// A hang guard, not a timing: a file that takes this long fails instead of stalling CI.
const BATAS_UJI: std::time::Duration = std::time::Duration::from_secs(90);

/// What is wrong with one run of the binary on a damaged file, if anything: an exit code
/// other than 0/1/2 (a panic is 101, an abort 134), a timeout, panic text, an exit 2 that
/// does not name the file, or an output left behind by `susun` on exit 2.
fn pelanggaran(
    perintah: &str,
    masukan: &Path,
    dir: &Path,
    batas: std::time::Duration,
) -> Option<String> {
    let keluaran = dir.join(format!("{perintah}-keluar")).join("tabel.xlsx");
    let mut cmd = lkjip();
    // A short deadline, so that a reader that loops (E1) costs 2 × 5 s even in a debug build
    // (whose default is 60 s).
    cmd.arg(perintah)
        .arg(masukan)
        .args(["--batas-waktu", "5"])
        .current_dir(akar(""))
        .timeout(batas);
    if perintah == "susun" {
        cmd.arg("-o").arg(&keluaran);
    }
    let nama = masukan.file_name()?.to_string_lossy().to_string();
    let mulai = std::time::Instant::now();
    let hasil = match cmd.output() {
        Ok(h) => h,
        Err(e) => return Some(format!("{perintah} {nama}: tidak selesai ({e})")),
    };
    let lama = mulai.elapsed();
    let stderr = String::from_utf8_lossy(&hasil.stderr);
    let stdout = String::from_utf8_lossy(&hasil.stdout);
    let kode = hasil.status.code();
    let sah: &[i32] = if perintah == "susun" {
        &[0, 2]
    } else {
        &[0, 1, 2]
    };
    let masalah = if kode.is_none_or(|k| !sah.contains(&k)) {
        format!("kode keluar {kode:?} (habis waktu atau sinyal bila None)")
    } else if [&stderr, &stdout]
        .iter()
        .any(|t| t.contains("panicked") || t.contains("RUST_BACKTRACE"))
    {
        "teks panik sampai ke pengguna".to_string()
    } else if kode == Some(2) && !stderr.contains(&nama) {
        "keluar 2 tanpa menyebut nama berkasnya".to_string()
    } else if kode == Some(2)
        && keluaran
            .parent()
            .is_some_and(|p| p.exists() && p.read_dir().is_ok_and(|mut d| d.next().is_some()))
    {
        "keluar 2 tetapi berkas keluaran tertinggal".to_string()
    } else {
        return None;
    };
    Some(format!(
        "{perintah} {nama}: {masalah}, setelah {lama:.1?}\n{}",
        stderr.chars().take(400).collect::<String>()
    ))
}

/// Every reproducer from fuzzing (`tests/data/rusak/`, README there) ends in exit 0, 1 or
/// 2 with a message naming the file, never a panic, an abort or a hang; the input is not
/// changed.
#[test]
fn setiap_berkas_rusak_dijawab_dengan_pesan() {
    let folder = akar("tests/data/rusak");
    let mut berkas: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    berkas.sort();
    assert!(berkas.len() >= 32, "{} berkas", berkas.len());
    let dir = tempfile::tempdir().unwrap();
    let gagal = std::sync::Mutex::new(Vec::new());
    // Two at a time: most runs wait on a deadline or a slow debug build, not on a core.
    let berikut = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|lingkup| {
        for _ in 0..2 {
            lingkup.spawn(|| {
                while let Some(p) =
                    berkas.get(berikut.fetch_add(1, std::sync::atomic::Ordering::SeqCst))
                {
                    let nama = p.file_name().unwrap().to_string_lossy().to_string();
                    let sebelum = std::fs::read(p).unwrap();
                    for perintah in ["periksa", "susun"] {
                        let kerja = tempfile::tempdir_in(dir.path()).unwrap();
                        if let Some(m) = pelanggaran(perintah, p, kerja.path(), BATAS_UJI) {
                            gagal.lock().unwrap().push(m);
                        }
                    }
                    if std::fs::read(p).unwrap() != sebelum {
                        gagal.lock().unwrap().push(format!("{nama} berubah"));
                    }
                }
            });
        }
    });
    let gagal = gagal.into_inner().unwrap();
    assert!(gagal.is_empty(), "{}", gagal.join("\n\n"));
}

/// A FIFO named as input would block any reader forever: it is refused by what it is.
#[test]
fn pipa_bernama_ditolak() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("lra.xlsx");
    let dibuat = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(dibuat.success());
    for perintah in ["periksa", "susun"] {
        let mut cmd = lkjip();
        cmd.arg(perintah).arg(&fifo).timeout(BATAS_UJI);
        if perintah == "susun" {
            cmd.arg("-o").arg(dir.path().join("t.xlsx"));
        }
        let hasil = cmd.assert().code(2);
        let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
        assert!(stderr.contains("lra.xlsx: bukan berkas biasa"), "{stderr}");
        assert!(stderr.contains("FIFO"), "{stderr}");
    }
    // In a folder it is left out with why, and the workbooks beside it are read.
    std::fs::copy(
        akar("samples/bontang-barat-2022/realisasi.xlsx"),
        dir.path().join("realisasi.xlsx"),
    )
    .unwrap();
    let hasil = lkjip()
        .arg("periksa")
        .arg(dir.path())
        .timeout(BATAS_UJI)
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("lra.xlsx: bukan berkas biasa (pipa bernama (FIFO))"),
        "{stderr}"
    );
}

/// An .xls renamed .xlsx says what it is and how to fix it, not "zip EOCD".
#[test]
fn xls_berganti_nama_xlsx_dikenali() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("laporan.xlsx");
    std::fs::copy(akar("tests/data/rusak/C3-xls-dimensi-terbalik.xls"), &p).unwrap();
    let stderr = susun_gagal(&[&p], dir.path());
    assert!(
        stderr.contains("laporan.xlsx: isinya buku kerja Excel 97–2003 (.xls), bukan .xlsx"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Ganti akhiran namanya menjadi .xls"),
        "{stderr}"
    );
}

/// A small valid xlsx, as bytes.
fn xlsx_kecil() -> Vec<u8> {
    let mut wb = Workbook::new();
    wb.add_worksheet().write_string(0, 0, "Kode").unwrap();
    wb.save_to_buffer().unwrap()
}

/// A zip whose entries carry the encryption flag is a password-protected file.
#[test]
fn zip_berbendera_sandi_dikenali() {
    let mut isi = xlsx_kecil();
    // Set bit 0 of the flags in every local header (offset 6) and central entry (offset 8).
    for i in 0..isi.len().saturating_sub(4) {
        match &isi[i..i + 4] {
            b"PK\x03\x04" => isi[i + 6] |= 1,
            b"PK\x01\x02" => isi[i + 8] |= 1,
            _ => {}
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let p = berkas(dir.path(), "sandi.xlsx", &isi);
    let stderr = susun_gagal(&[&p], dir.path());
    assert!(
        stderr.contains("sandi.xlsx: berkas dilindungi kata sandi"),
        "{stderr}"
    );
}

/// A package with an entry that inflates 1000 times (32 MB of zeros in 32 KB) is refused
/// from its central directory, before anything is inflated.
#[test]
fn bom_zip_ditolak_dari_daftar_isinya() {
    use std::io::Write;
    let mut arsip = zip::ZipArchive::new(std::io::Cursor::new(xlsx_kecil())).unwrap();
    let mut tulis = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..arsip.len() {
        tulis.raw_copy_file(arsip.by_index(i).unwrap()).unwrap();
    }
    let pilihan = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    tulis.start_file("xl/media/bom.bin", pilihan).unwrap();
    let nol = vec![0u8; 1 << 20];
    for _ in 0..32 {
        tulis.write_all(&nol).unwrap();
    }
    let isi = tulis.finish().unwrap().into_inner();
    assert!(isi.len() < 200_000, "{}", isi.len());
    let dir = tempfile::tempdir().unwrap();
    let p = berkas(dir.path(), "bom.xlsx", &isi);
    let stderr = susun_gagal(&[&p], dir.path());
    assert!(stderr.contains("bom.xlsx: berkas rusak"), "{stderr}");
    assert!(stderr.contains("ciri bom zip"), "{stderr}");
}

/// The bounds say which was reached and how to lift it: memory (the reading process cannot
/// hold even a small sample in 5 MB) and time (a truncated ODS on which calamine loops).
#[test]
fn batas_memori_dan_waktu_disebut_dengan_cara_menaikkannya() {
    let sampel = akar("samples/bontang-barat-2022/realisasi.xlsx");
    let hasil = lkjip()
        .arg("periksa")
        .arg(&sampel)
        .args(["--batas-memori", "5"])
        .timeout(BATAS_UJI)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("realisasi.xlsx: pembacaan dihentikan di batas memori 5 MB"),
        "{stderr}"
    );
    assert!(stderr.contains("--batas-memori 20"), "{stderr}");

    let ods = akar("tests/data/rusak/E1-ods-tabel-tak-tertutup.ods");
    let hasil = lkjip()
        .arg("periksa")
        .arg(&ods)
        .args(["--batas-waktu", "2"])
        .timeout(BATAS_UJI)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr
            .contains("E1-ods-tabel-tak-tertutup.ods: pembacaan dihentikan di batas waktu 2 detik"),
        "{stderr}"
    );
    assert!(stderr.contains("--batas-waktu 8"), "{stderr}");
}

/// A panic inside calamine (an xlsb whose workbook names a relation that is not there) is
/// a clean message naming the file, without the panic's English text.
#[test]
fn panik_pembaca_menjadi_pesan() {
    let p = akar("tests/data/rusak/B1-xlsb-rel-hilang.xlsb");
    let stderr = periksa_gagal(&p);
    assert!(
        stderr.contains(
            "B1-xlsb-rel-hilang.xlsb: berkas rusak: pembacanya berhenti pada pembukaan buku kerja"
        ),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("no entry"),
        "{stderr}"
    );
}

/// A zip whose directory lies about how large a sheet inflates (1 KB claimed, 1 MB real)
/// passes the directory check; what is inflated is counted while reading, and the lie is a
/// message in Indonesian, not calamine's English.
#[test]
fn ukuran_terurai_yang_bohong_tertangkap_saat_membaca() {
    use std::io::{Read, Write};
    let mut asal = zip::ZipArchive::new(std::io::Cursor::new(xlsx_kecil())).unwrap();
    let mut tulis = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let pilihan = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let lembar = "xl/worksheets/sheet1.xml";
    for i in 0..asal.len() {
        let mut entri = asal.by_index(i).unwrap();
        let nama = entri.name().unwrap().to_string();
        let mut isi = Vec::new();
        entri.read_to_end(&mut isi).unwrap();
        if nama == lembar {
            let teks = String::from_utf8(isi).unwrap();
            isi = teks
                .replacen(
                    "<sheetData>",
                    &format!("<sheetData>{}", " ".repeat(1 << 20)),
                    1,
                )
                .into_bytes();
        }
        tulis.start_file(nama, pilihan).unwrap();
        tulis.write_all(&isi).unwrap();
    }
    let mut isi = tulis.finish().unwrap().into_inner();
    // The uncompressed size: +22 in a local header, +24 in a central directory entry.
    for (tanda, letak, jarak_nama) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        for i in 0..isi.len().saturating_sub(jarak_nama + lembar.len()) {
            if &isi[i..i + 4] == tanda
                && &isi[i + jarak_nama..i + jarak_nama + lembar.len()] == lembar.as_bytes()
            {
                isi[i + letak..i + letak + 4].copy_from_slice(&1000u32.to_le_bytes());
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let p = berkas(dir.path(), "bohong.xlsx", &isi);
    let stderr = susun_gagal(&[&p], dir.path());
    assert!(stderr.contains("bohong.xlsx"), "{stderr}");
    assert!(
        stderr.contains("mengembang melebihi ukuran yang diakuinya"),
        "{stderr}"
    );
    assert!(!stderr.contains("declared"), "{stderr}");
}

/// A file named `-berkas.xlsx` reads as flags: the message names the file and the way out.
#[test]
fn berkas_berawalan_strip_disebut_namanya() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        akar("samples/bontang-barat-2022/realisasi.xlsx"),
        dir.path().join("-berkas.xlsx"),
    )
    .unwrap();
    let hasil = lkjip()
        .args(["periksa", "-berkas.xlsx"])
        .current_dir(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("'-berkas.xlsx' dibaca sebagai pilihan")
            && stderr.contains("-- -berkas.xlsx"),
        "{stderr}"
    );
    lkjip()
        .args(["periksa", "--", "-berkas.xlsx"])
        .current_dir(dir.path())
        .assert()
        .code(0);
}
