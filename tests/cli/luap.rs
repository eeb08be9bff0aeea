//! Numbers that cannot be held (issue 7): a pagu of 1e308 or of Decimal::MAX + 1 is a galat
//! at its cell with the number as written, never 0; `susun` then writes nothing and exits
//! 2. And what `1.234.567,891`, `50%`, `1 234 567` and a date mean in a money column.

use crate::bantu::{SelUji, akar, angka, buku_uji, lembar, lkjip, teks};
use rust_decimal::Decimal;
use std::path::Path;

use SelUji::{Angka as N, Teks as T};

/// `Kode | Uraian | Pagu | Realisasi`, a program and its kegiatan and sub kegiatan; the
/// sub kegiatan's pagu cell (C4) is `pagu`.
fn buku(dir: &Path, pagu: SelUji) -> std::path::PathBuf {
    buku_uji(
        dir,
        "lra.xlsx",
        &[
            vec![T("Kode"), T("Uraian"), T("Pagu"), T("Realisasi")],
            vec![
                T("7.01.02"),
                T("PROGRAM PENYELENGGARAAN PEMERINTAHAN"),
                T("1.000.000"),
                T("900.000"),
            ],
            vec![
                T("7.01.02.2.01"),
                T("Koordinasi Penyelenggaraan Kegiatan"),
                T("1.000.000"),
                T("900.000"),
            ],
            vec![
                T("7.01.02.2.01.0001"),
                T("Peningkatan Efektifitas"),
                pagu,
                N(900_000.0),
            ],
        ],
    )
}

/// `periksa` and `susun` on a workbook whose C4 cannot be used: both exit 2 with one
/// message naming file › sheet › cell, no panic, and no output file. Returns the message.
fn ditolak_di_c4(pagu: SelUji) -> String {
    let dir = tempfile::tempdir().unwrap();
    let masukan = buku(dir.path(), pagu);
    let periksa = lkjip().arg("periksa").arg(&masukan).assert().code(2);
    let pesan = String::from_utf8_lossy(&periksa.get_output().stderr).to_string();
    assert!(
        pesan.starts_with(&format!("galat: {} › LRA › C4: ", masukan.display())),
        "{pesan}"
    );
    assert!(!pesan.contains("panicked"), "{pesan}");
    let keluaran = dir.path().join("tabel.xlsx");
    let susun = lkjip()
        .arg("susun")
        .arg(&masukan)
        .arg("-o")
        .arg(&keluaran)
        .assert()
        .code(2);
    let pesan_susun = String::from_utf8_lossy(&susun.get_output().stderr).to_string();
    assert_eq!(pesan_susun, pesan, "susun menyebut sel yang sama");
    assert!(!keluaran.exists(), "susun tidak boleh menulis apa pun");
    pesan
}

#[test]
fn pagu_1e308_galat_di_selnya() {
    // Read as "not written" before: pagu 0 and exit 0.
    let pesan = ditolak_di_c4(N(1e308));
    assert!(pesan.contains("'1e308'"), "{pesan}");
    assert!(pesan.contains("10^18"), "{pesan}");
}

#[test]
fn pagu_satu_lebih_dari_decimal_max_galat_di_selnya() {
    let teks = "79.228.162.514.264.337.593.543.950.336";
    let pesan = ditolak_di_c4(T(teks));
    assert!(pesan.contains(&format!("'{teks}'")), "{pesan}");
}

#[test]
fn angka_7_92e28_dan_di_atas_10_pangkat_18_galat() {
    // 7.92e28 is beyond Decimal::MAX (7.9228…e28); 2e18 fits a Decimal but not lkjip's
    // bound on what it adds up (10^18).
    assert!(ditolak_di_c4(N(7.92e28)).contains("'7.92e28'"));
    assert!(ditolak_di_c4(T("2.000.000.000.000.000.000")).contains("10^18"));
}

#[test]
fn tiga_desimal_rupiah_ditolak() {
    let pesan = ditolak_di_c4(T("1.234.567,891"));
    assert!(pesan.contains("'1.234.567,891'"), "{pesan}");
    assert!(pesan.contains("dua angka di belakang koma"), "{pesan}");
}

#[test]
fn persen_di_kolom_rupiah_ditolak() {
    let pesan = ditolak_di_c4(T("50%"));
    assert!(pesan.contains("'50%'"), "{pesan}");
    assert!(pesan.contains("persentase"), "{pesan}");
}

#[test]
fn tanggal_di_kolom_rupiah_disebut_tanggal() {
    let pesan = ditolak_di_c4(SelUji::Tanggal(5, 1, 2022));
    assert!(
        pesan.contains("'5-1-2022' di kolom 'Pagu' adalah tanggal, bukan angka"),
        "{pesan}"
    );
}

#[test]
fn spasi_ribuan_dibaca_sebagai_ribuan() {
    // `1 000 000` is 1.000.000: the program and kegiatan above agree, so no galat, and
    // the tables show 1.000.000,00.
    let dir = tempfile::tempdir().unwrap();
    let masukan = buku(dir.path(), T("1 000 000"));
    lkjip().arg("periksa").arg(&masukan).assert().code(0);
    let keluaran = dir.path().join("tabel.xlsx");
    lkjip()
        .arg("susun")
        .arg(&masukan)
        .arg("-o")
        .arg(&keluaran)
        .current_dir(akar(""))
        .assert()
        .success();
    let t19 = lembar(&keluaran, "Tabel 19");
    let baris = t19
        .iter()
        .find(|b| b.first().is_some_and(|k| teks(k) == "7.01.02.2.01.0001"))
        .expect("baris sub kegiatan");
    assert_eq!(angka(&baris[2]), Some(Decimal::from(1_000_000)));
}

#[test]
fn spasi_tak_teratur_ditolak() {
    // Two numbers in one cell, or a typo: not joined into 1234.
    let pesan = ditolak_di_c4(T("12 34"));
    assert!(pesan.contains("pemisah ribuan tidak teratur"), "{pesan}");
}

#[test]
fn fisik_kali_pagu_yang_luap_galat_di_sel_fisik_induknya() {
    // Each amount is within 10^18, but the pagu-weighted realisasi fisik of the kegiatan,
    // (10^17 × 10^17 + 10^17 × 10^17) ÷ 2·10^17, needs 2·10^34 on the way: beyond
    // Decimal. A galat at the kegiatan's fisik cell (E2), exit 1; never a panic.
    let dir = tempfile::tempdir().unwrap();
    let e17 = "100.000.000.000.000.000";
    let masukan = buku_uji(
        dir.path(),
        "fisik.xlsx",
        &[
            vec![
                T("Kode"),
                T("Uraian"),
                T("Pagu"),
                T("Realisasi"),
                T("Realisasi Fisik (%)"),
            ],
            vec![T("7.01.02.2.01"), T("Kegiatan"), T(""), T(""), T("50")],
            vec![T("7.01.02.2.01.0001"), T("Sub A"), T(e17), T("0"), T(e17)],
            vec![T("7.01.02.2.01.0002"), T("Sub B"), T(e17), T("0"), T(e17)],
        ],
    );
    let hasil = lkjip().arg("periksa").arg(&masukan).assert().code(1);
    let keluar = String::from_utf8_lossy(&hasil.get_output().stdout).to_string();
    let baris: Vec<&str> = keluar
        .lines()
        .filter(|l| l.contains("ANGKA_LUAP"))
        .collect();
    assert_eq!(baris.len(), 1, "{keluar}");
    assert!(baris[0].contains("› LRA › E2:"), "{keluar}");
    assert!(baris[0].contains("realisasi fisik"), "{keluar}");
    let kali = "100.000.000.000.000.000,00% × 100.000.000.000.000.000,00";
    assert!(baris[0].contains(&format!("({kali} + {kali})")), "{keluar}");
    assert!(!keluar.contains("panicked"));
    // `susun` writes nothing: a table built around a number that could not be computed
    // would be wrong. Exit 2, the first such cell named.
    let keluaran = dir.path().join("tabel.xlsx");
    let hasil = lkjip()
        .arg("susun")
        .arg(&masukan)
        .arg("-o")
        .arg(&keluaran)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
    assert!(
        stderr.contains("1 hasil hitungan tidak dapat disimpan tepat (pertama di"),
        "{stderr}"
    );
    assert!(stderr.contains("› LRA › E2)"), "{stderr}");
    assert!(!keluaran.exists());
}

/// The workbook of [`buku`] with the `<v>` of C4 replaced by `v` as written in the file:
/// what another program may write (`NaN`, `inf`, `1e400`), which no writer here will.
fn buku_dengan_v(dir: &Path, v: &str) -> std::path::PathBuf {
    use std::io::{Read, Write};
    let asli = buku(dir, N(123_456_789.0));
    let mut arsip = zip::ZipArchive::new(std::fs::File::open(&asli).unwrap()).unwrap();
    let jalur = dir.join("v.xlsx");
    let mut keluar = zip::ZipWriter::new(std::fs::File::create(&jalur).unwrap());
    for i in 0..arsip.len() {
        let mut entri = arsip.by_index(i).unwrap();
        let nama = entri.name().unwrap().into_owned();
        let mut isi = Vec::new();
        entri.read_to_end(&mut isi).unwrap();
        if nama == "xl/worksheets/sheet1.xml" {
            let teks = String::from_utf8(isi).unwrap();
            assert!(teks.contains("<v>123456789.0</v>"), "{teks}");
            isi = teks
                .replace("<v>123456789.0</v>", &format!("<v>{v}</v>"))
                .into_bytes();
        }
        keluar
            .start_file(nama, zip::write::SimpleFileOptions::default())
            .unwrap();
        keluar.write_all(&isi).unwrap();
    }
    keluar.finish().unwrap();
    jalur
}

#[test]
fn nilai_nan_inf_1e400_galat_di_selnya() {
    // calamine parses `<v>1e400</v>` to inf; the message can only say what it was given.
    for (v, tertulis) in [("NaN", "'NaN'"), ("inf", "'inf'"), ("1e400", "'inf'")] {
        let dir = tempfile::tempdir().unwrap();
        let masukan = buku_dengan_v(dir.path(), v);
        let hasil = lkjip().arg("periksa").arg(&masukan).assert().code(2);
        let pesan = String::from_utf8_lossy(&hasil.get_output().stderr).to_string();
        assert!(pesan.contains("› LRA › C4: "), "{v}: {pesan}");
        assert!(pesan.contains(tertulis), "{v}: {pesan}");
        assert!(pesan.contains("bukan bilangan hingga"), "{v}: {pesan}");
        let keluaran = dir.path().join("tabel.xlsx");
        lkjip()
            .arg("susun")
            .arg(&masukan)
            .arg("-o")
            .arg(&keluaran)
            .assert()
            .code(2);
        assert!(!keluaran.exists());
    }
}
